using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Letters;

namespace Dashboard.Tests.Sources.Letters;

public sealed class LettersMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly LettersMapper _mapper = new();

    private static JsonObject Item(string id = "SRT-2026-000001", string status = "selesai", string? completed = "2026-11-20T10:30:00+07:00") => new()
    {
        ["id"] = id,
        ["kelurahan_code"] = "35.73.02.1001",
        ["letter_type"] = "domisili",
        ["status"] = status,
        ["requested_at"] = "2026-11-20T08:15:00+07:00",
        ["completed_at"] = completed,
        ["updated_at"] = "2026-11-20T10:30:00+07:00",
    };

    private ItemResult<LetterRequest> Map(JsonNode item) => _mapper.Map(JsonDocument.Parse(item.ToJsonString()).RootElement);

    [Fact]
    public void Map_ValidItem_KeepsTheContractFields()
    {
        var r = Map(Item());

        Assert.Equal(ItemKind.Valid, r.Kind);
        var l = r.Entity!;
        Assert.Equal("SRT-2026-000001", l.Id);
        Assert.Equal(("35.73.02.1001", "35.73.02"), (l.KelurahanCode, l.KecamatanCode));
        Assert.Equal(("domisili", "selesai"), (l.LetterType, l.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 15, 0, TimeSpan.Zero), l.RequestedAt);
        Assert.Equal(At.AddMinutes(90).ToUniversalTime(), l.CompletedAt);
        Assert.Null(l.Flags);
        Assert.False(r.Flagged);
    }

    public static TheoryData<string, string> KnownValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in LettersExpectations.Types)
        {
            data.Add("letter_type", v);
        }
        foreach (var v in LettersExpectations.Statuses)
        {
            data.Add("status", v);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void Map_EveryContractEnumValue_IsValidAndNotFlagged(string field, string value)
    {
        var item = Item();
        item[field] = value;

        var r = Map(item);

        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.False(r.Flagged);
        Assert.Equal(value, field == "status" ? r.Entity!.Status : r.Entity!.LetterType);
    }

    [Theory]
    [InlineData("letter_type", "ahli_waris")]
    [InlineData("status", "dibatalkan")]
    [InlineData("kelurahan_code", "35.73.09.9999")]
    public void Map_UnknownEnumOrCode_KeepsRowAndFlagsIt(string field, string value)
    {
        var item = Item();
        item[field] = value;

        var r = Map(item);

        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.True(r.Flagged);
        Assert.Equal(field, r.Entity!.Flags);
    }

    [Fact]
    public void Map_UnknownKelurahan_IsCountedCityWideOnly()
    {
        var item = Item();
        item["kelurahan_code"] = "35.73.09.9999";

        var l = Map(item).Entity!;

        Assert.Null(l.KelurahanCode);
        Assert.Null(l.KecamatanCode);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("kelurahan_code")]
    [InlineData("letter_type")]
    [InlineData("status")]
    [InlineData("requested_at")]
    [InlineData("completed_at")]
    [InlineData("updated_at")]
    public void Map_MissingField_IsRejectedWithItsName(string field)
    {
        var item = Item();
        item.Remove(field);

        var r = Map(item);

        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains(field + ": tidak ada", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ExplicitNullCompletedAt_IsValid_ButNullRequiredFieldIsNot()
    {
        Assert.Equal(ItemKind.Valid, Map(Item(status: "diproses", completed: null)).Kind);
        var item = Item();
        item["requested_at"] = null;
        var r = Map(item);
        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains("requested_at: wajib diisi", r.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kelurahan_code", "3573021001")]
    [InlineData("letter_type", "1")]
    [InlineData("status", "true")]
    [InlineData("requested_at", "1700000000")]
    [InlineData("completed_at", "{}")]
    [InlineData("updated_at", "[]")]
    [InlineData("id", "42")]
    public void Map_WronglyTypedField_IsRejected(string field, string json)
    {
        var item = Item();
        item[field] = JsonNode.Parse(json);

        var r = Map(item);

        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains(field, r.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-20T08:15:00")]
    [InlineData("kemarin")]
    public void Map_TimestampWithoutOffsetOrUnparseable_IsRejected(string value)
    {
        var item = Item();
        item["requested_at"] = value;

        Assert.Equal(ItemKind.Rejected, Map(item).Kind);
    }

    [Fact]
    public void Map_CompletedBeforeRequested_IsRejected()
    {
        var r = Map(Item(completed: "2026-11-19T10:00:00+07:00"));

        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains("completed_at", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ManyProblems_AreAllReported()
    {
        var item = Item();
        item.Remove("status");
        item["letter_type"] = 5;
        item["requested_at"] = "x";

        var reason = Map(item).Reason!;

        Assert.Contains("status", reason, StringComparison.Ordinal);
        Assert.Contains("letter_type", reason, StringComparison.Ordinal);
        Assert.Contains("requested_at", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnannouncedFields_AreIgnored_AndNeverKeptInAQuarantinedCopy()
    {
        var item = Item();
        item["pemohon"] = new JsonObject { ["nama"] = "Siti Rahmawati", ["nik"] = "3573024107900001" };
        item["nik"] = "3573024107900001";

        var r = Map(item);

        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.DoesNotContain("3573024107900001", JsonSerializer.Serialize(r.Entity), StringComparison.Ordinal);
        Assert.DoesNotContain("pemohon", _mapper.StoredFields);
        Assert.DoesNotContain("nik", _mapper.StoredFields);
        Assert.Equal(
            ["completed_at", "deleted", "id", "kelurahan_code", "letter_type", "requested_at", "status", "updated_at"],
            _mapper.StoredFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Map_Tombstone_NeedsOnlyIdAndUpdatedAt()
    {
        var r = Map(new JsonObject { ["id"] = "SRT-1", ["updated_at"] = "2026-11-20T10:30:00+07:00", ["deleted"] = true });

        Assert.Equal(ItemKind.Tombstone, r.Kind);
        Assert.Equal("SRT-1", r.Id);
    }

    [Fact]
    public void Map_NotAnObject_IsRejected() =>
        Assert.Equal(ItemKind.Rejected, _mapper.Map(JsonDocument.Parse("[1]").RootElement).Kind);

    [Fact]
    public void AffectedSince_FollowsWhatTheIndicatorsRead()
    {
        var open = Map(Item(status: "diproses", completed: null)).Entity!;
        var submitted = Map(Item(status: "diajukan", completed: null)).Entity!;
        var done = Map(Item()).Entity!;
        var later = Map(Item(status: "diproses", completed: null)).Entity!;
        later.UpdatedAt = later.UpdatedAt.AddHours(1);

        Assert.Equal(done.RequestedAt, _mapper.AffectedSince(null, done));
        Assert.Equal(done.RequestedAt, _mapper.AffectedSince(done, null));
        // Completion changes #45 from the completion on (never later than the deadline it is judged against).
        Assert.Equal(done.CompletedAt, _mapper.AffectedSince(open, done));
        // diajukan → diproses changes no indicator.
        Assert.Equal(later.UpdatedAt, _mapper.AffectedSince(submitted, later));
        // A rejection leaves #45's denominator on the deadline day, which may be before the rejection.
        var rejected = Map(Item(status: "ditolak")).Entity!;
        Assert.Equal(done.RequestedAt, _mapper.AffectedSince(open, rejected));
        var retyped = Map(Item()).Entity!;
        retyped.LetterType = "sktm";
        Assert.Equal(done.RequestedAt, _mapper.AffectedSince(done, retyped));
    }
}
