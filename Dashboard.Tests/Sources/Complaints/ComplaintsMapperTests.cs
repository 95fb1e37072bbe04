using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Sources.Complaints;

public sealed class ComplaintsMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly ComplaintsMapper _mapper = new();

    private ItemResult<Complaint> Map(JsonNode item) => _mapper.Map(JsonDocument.Parse(item.ToJsonString()).RootElement);

    [Fact]
    public void Map_ValidItem_KeepsReportingFieldsAndNoPersonalData()
    {
        var r = Map(ComplaintJson.Item("LPR-2026-000001", At, verifiedAt: At.AddHours(-4), rating: 4));

        Assert.Equal(ItemKind.Valid, r.Kind);
        var c = r.Entity!;
        Assert.Equal("LPR-2026-000001", c.Id);
        Assert.Equal("35.73.02", c.KecamatanCode);
        Assert.Equal(At.ToUniversalTime(), c.UpdatedAt);
        Assert.Equal(4, c.Rating);
        Assert.Null(c.Flags);
        // The entity has no place for personal data; make sure nothing of it leaked into any string field.
        var text = JsonSerializer.Serialize(c);
        Assert.DoesNotContain(ComplaintJson.ReporterName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ComplaintJson.ReporterPhone, text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> KnownValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in ComplaintsPayload.Channels)
        {
            data.Add("channel", v);
        }
        foreach (var v in ComplaintsPayload.Types)
        {
            data.Add("type", v);
        }
        foreach (var v in ComplaintsPayload.Statuses)
        {
            data.Add("status", v);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void Map_EveryContractEnumValue_IsValidAndNotFlagged(string field, string value)
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item[field] = value;

        var r = Map(item);

        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.False(r.Flagged);
    }

    [Theory]
    [InlineData("channel", "instagram")]
    [InlineData("type", "wbs")]
    [InlineData("status", "dieskalasi")]
    [InlineData("agency_code", "DINAS_BARU")]
    [InlineData("kelurahan_code", "35.73.09.9999")]
    public void Map_UnknownEnumOrCode_KeepsRowAndFlagsIt(string field, string value)
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item[field] = value;

        var r = Map(item);

        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.True(r.Flagged);
        Assert.Contains(field, r.Entity!.Flags, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownKelurahan_IsNotUsedAsRegion()
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item["kelurahan_code"] = "35.73.09.9999";

        var c = Map(item).Entity!;

        Assert.Null(c.KelurahanCode);
        Assert.Null(c.KecamatanCode);
    }

    [Fact]
    public void Map_NullKelurahan_IsValid()
    {
        var r = Map(ComplaintJson.Item("LPR-1", At, kelurahan: null));

        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.Null(r.Entity!.KelurahanCode);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("updated_at")]
    [InlineData("channel")]
    [InlineData("type")]
    [InlineData("category")]
    [InlineData("agency_code")]
    [InlineData("status")]
    [InlineData("submitted_at")]
    public void Map_MissingRequiredField_IsRejectedWithItsName(string field)
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item.Remove(field);

        var r = Map(item);

        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains(field, r.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kelurahan_code")]
    [InlineData("verified_at")]
    [InlineData("first_response_at")]
    [InlineData("closed_at")]
    [InlineData("rating")]
    public void Map_MissingNullableField_IsRejected_WhileExplicitNullIsValid(string field)
    {
        var missing = ComplaintJson.Item("LPR-1", At);
        missing.Remove(field);
        var explicitNull = ComplaintJson.Item("LPR-1", At);
        explicitNull[field] = null;

        Assert.Equal(ItemKind.Rejected, Map(missing).Kind);
        Assert.Contains(field, Map(missing).Reason, StringComparison.Ordinal);
        Assert.Equal(ItemKind.Valid, Map(explicitNull).Kind);
    }

    [Fact]
    public void Map_BrokenReporter_DoesNotMatter_BecauseItIsNeverRead()
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item["reporter"] = "[object Object]";

        Assert.Equal(ItemKind.Valid, Map(item).Kind);
    }

    [Theory]
    [InlineData("id", "123")]
    [InlineData("status", "7")]
    [InlineData("submitted_at", "20261120")]
    [InlineData("verified_at", "true")]
    [InlineData("rating", "\"lima\"")]
    [InlineData("rating", "9")]
    [InlineData("rating", "4.5")]
    public void Map_WronglyTypedOrOutOfRangeField_IsRejected(string field, string json)
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item[field] = JsonNode.Parse(json);

        var r = Map(item);

        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains(field, r.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-20 09:00")]
    [InlineData("2026-11-20T09:00:00")]
    [InlineData("kemarin")]
    public void Map_TimestampWithoutOffsetOrUnparseable_IsRejected(string value)
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item["submitted_at"] = value;

        Assert.Equal(ItemKind.Rejected, Map(item).Kind);
    }

    [Fact]
    public void Map_ClosedBeforeSubmitted_IsRejected()
    {
        var r = Map(ComplaintJson.Item("LPR-1", At, submittedAt: At.AddHours(-1), closedAt: At.AddDays(-3)));

        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains("closed_at", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ManyProblems_AreAllReported()
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item.Remove("category");
        item["rating"] = 0;

        var r = Map(item);

        Assert.Contains("category", r.Reason, StringComparison.Ordinal);
        Assert.Contains("rating", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnannouncedFields_AreIgnored()
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item["sentiment_score"] = 0.7;
        item["attachments"] = new JsonArray("a.jpg");

        Assert.Equal(ItemKind.Valid, Map(item).Kind);
    }

    [Fact]
    public void Map_Tombstone_NeedsOnlyIdAndUpdatedAt()
    {
        var r = Map(ComplaintJson.Tombstone("LPR-1", At));

        Assert.Equal(ItemKind.Tombstone, r.Kind);
        Assert.Equal("LPR-1", r.Id);
    }

    [Fact]
    public void Map_NotAnObject_IsRejected()
    {
        Assert.Equal(ItemKind.Rejected, Map(JsonNode.Parse("[1,2]")!).Kind);
        Assert.Equal(ItemKind.Rejected, Map(JsonNode.Parse("\"LPR-1\"")!).Kind);
    }

    [Fact]
    public void AffectedSince_StatusTimestampChange_StartsAtTheEarlierTimestamp()
    {
        var before = Map(ComplaintJson.Item("LPR-1", At, submittedAt: At.AddDays(-30))).Entity!;
        var after = Map(ComplaintJson.Item("LPR-1", At.AddHours(1), submittedAt: At.AddDays(-30), closedAt: At.AddMinutes(30))).Entity!;

        Assert.Equal(At.AddMinutes(30).ToUniversalTime(), _mapper.AffectedSince(before, after));
        Assert.Equal(At.AddDays(-30).ToUniversalTime(), _mapper.AffectedSince(null, after));
    }

    [Fact]
    public void AffectedSince_StatusOnlyChangeToSelesai_StartsAtClosedAt()
    {
        var closedAt = At.AddDays(-20);
        var before = Map(ComplaintJson.Item("LPR-1", At, submittedAt: At.AddDays(-30), status: "proses", closedAt: closedAt)).Entity!;
        var after = Map(ComplaintJson.Item("LPR-1", At.AddHours(1), submittedAt: At.AddDays(-30), status: "selesai", closedAt: closedAt)).Entity!;

        Assert.Equal(closedAt.ToUniversalTime(), _mapper.AffectedSince(before, after));
    }

    [Fact]
    public void PersonalData_Redact_RemovesReporterAndUnannouncedFieldsButKeepsTheRest()
    {
        var item = ComplaintJson.Item("LPR-1", At);
        item["alamat"] = "Jl. Rahasia No. 7";
        var json = PersonalData.Redact(JsonDocument.Parse(item.ToJsonString()).RootElement, _mapper.StoredFields);

        Assert.DoesNotContain(ComplaintJson.ReporterName, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ComplaintJson.ReporterPhone, json, StringComparison.Ordinal);
        Assert.Contains("LPR-1", json, StringComparison.Ordinal);
        Assert.Contains("DISHUB", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Rahasia", json, StringComparison.Ordinal);
        Assert.Contains("\"alamat\":\"[dihapus]\"", json, StringComparison.Ordinal);
    }
}
