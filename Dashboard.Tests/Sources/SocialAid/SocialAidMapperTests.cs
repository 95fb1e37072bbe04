using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.SocialAid;

namespace Dashboard.Tests.Sources.SocialAid;

public sealed class SocialAidMapperTests
{
    private const string RegistryId = "DTSEN-3573031007-00042";
    private const string HeadNik = "3573034512680007";
    private const string HeadName = "Sumiati Rahmawati";
    private static readonly Pseudonymizer Pseudonymizer = new(Encoding.UTF8.GetBytes("test-pseudonym-key-0123456789abcdef"));
    private readonly SocialAidFamiliesMapper _families = new(Pseudonymizer);
    private readonly SocialAidDisbursementsMapper _disbursements = new(Pseudonymizer);

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    internal static JsonObject Family(string status = "aktif", params string[] programs) => new()
    {
        ["id"] = RegistryId, ["head_nik"] = HeadNik, ["head_name"] = HeadName, ["kelurahan_code"] = "35.73.03.1007",
        ["desil"] = 2, ["programs"] = new JsonArray([.. (programs.Length == 0 ? ["SEMBAKO", "PKH"] : programs).Select(p => (JsonNode?)JsonValue.Create(p))]),
        ["status"] = status, ["verval_status"] = "layak", ["updated_at"] = "2026-08-12T09:00:00+07:00",
    };

    internal static JsonObject Disbursement(string status = "tersalur", string? reason = null, string? disbursedAt = "2026-08-12T10:15:00+07:00") => new()
    {
        ["id"] = "BNS-2026-T3-PKH-000042", ["family_id"] = RegistryId, ["program"] = "PKH", ["stage"] = "2026-T3",
        ["amount"] = 750_000, ["status"] = status, ["failure_reason"] = reason, ["disbursed_at"] = disbursedAt,
        ["updated_at"] = "2026-08-12T10:15:00+07:00",
    };

    private static void AssertNoPersonalData(string? text)
    {
        foreach (var personal in new[] { RegistryId, HeadNik, HeadName })
        {
            Assert.DoesNotContain(personal, text ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Family_Valid_IsKeyedByTheHashedRegistryId_WithoutPersonalData()
    {
        var r = _families.Map(Parse(Family()));

        Assert.Equal(ItemKind.Valid, r.Kind);
        var f = r.Entity!;
        Assert.Equal(Pseudonymizer.Hash(SocialAidPayload.FamilyPurpose, RegistryId), f.Id);
        Assert.Equal(f.Id, r.Id);
        Assert.Equal("35.73.03.1007", f.KelurahanCode);
        Assert.Equal("35.73.03", f.KecamatanCode);
        Assert.Equal(2, f.Desil);
        // Stored in contract order.
        Assert.Equal("PKH,SEMBAKO", f.Programs);
        Assert.Null(f.GraduatedAt);
        Assert.Null(f.Flags);
        AssertNoPersonalData(JsonSerializer.Serialize(f));
        AssertNoPersonalData(PersonalData.Redact(Parse(Family()), _families.StoredFields));
    }

    [Fact]
    public void Disbursement_Valid_JoinsTheFamilyByTheSameHash()
    {
        var d = _disbursements.Map(Parse(Disbursement()));
        var f = _families.Map(Parse(Family()));

        Assert.Equal(ItemKind.Valid, d.Kind);
        Assert.Equal(f.Entity!.Id, d.Entity!.FamilyKey);
        Assert.Equal("BNS-2026-T3-PKH-000042", d.Entity.Id);
        Assert.Equal(750_000, d.Entity.Amount);
        Assert.Equal(new DateTimeOffset(2026, 8, 12, 3, 15, 0, TimeSpan.Zero), d.Entity.DisbursedAt);
        AssertNoPersonalData(JsonSerializer.Serialize(d.Entity));
        AssertNoPersonalData(PersonalData.Redact(Parse(Disbursement()), _disbursements.StoredFields));
    }

    [Fact]
    public void EmptyProgrammeList_IsValid_AndGraduationKeepsItsFirstTime()
    {
        var item = Family("graduasi");
        item["programs"] = new JsonArray();
        var graduated = _families.Map(Parse(item)).Entity!;
        Assert.Equal("", graduated.Programs);
        Assert.Equal(graduated.UpdatedAt, graduated.GraduatedAt);

        // A later version (a re-send, a verval) keeps the graduation time; leaving graduasi clears it.
        var later = Family("graduasi");
        later["programs"] = new JsonArray();
        later["updated_at"] = "2026-09-01T09:00:00+07:00";
        var stored = _families.Map(Parse(item)).Entity!;
        _families.Apply(stored, _families.Map(Parse(later)).Entity!);
        Assert.Equal(graduated.GraduatedAt, stored.GraduatedAt);
        Assert.Equal(DateTimeOffset.Parse("2026-09-01T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), stored.UpdatedAt);

        var aktif = _families.Map(Parse(Family())).Entity!;
        var graduating = _families.Map(Parse(later)).Entity!;
        _families.Apply(aktif, graduating);
        Assert.Equal(graduating.UpdatedAt, aktif.GraduatedAt);
        _families.Apply(aktif, _families.Map(Parse(Family())).Entity!);
        Assert.Null(aktif.GraduatedAt);
    }

    public static TheoryData<string, string, string> KnownValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var v in SocialAidPayload.FamilyStatuses) { data.Add("families", "status", v); }
        foreach (var v in SocialAidPayload.VervalStatuses) { data.Add("families", "verval_status", v); }
        foreach (var v in SocialAidPayload.Programs) { data.Add("families", "programs", v); }
        foreach (var v in SocialAidPayload.Programs) { data.Add("disbursements", "program", v); }
        foreach (var v in SocialAidPayload.DisbursementStatuses) { data.Add("disbursements", "status", v); }
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void EveryContractEnumValue_IsValidAndNotFlagged(string resource, string field, string value)
    {
        var (result, _) = MapWith(resource, field, value);

        Assert.Equal(ItemKind.Valid, result.Kind);
        Assert.False(result.Flagged);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    public void EveryDesil_IsValid(int desil)
    {
        var item = Family();
        item["desil"] = desil;
        Assert.Equal(desil, _families.Map(Parse(item)).Entity!.Desil);
    }

    [Theory]
    [InlineData("families", "status", "meninggal")]
    [InlineData("families", "verval_status", "ganda")]
    [InlineData("families", "programs", "PIP")]
    [InlineData("families", "kelurahan_code", "35.73.09.1001")]
    [InlineData("disbursements", "program", "ATENSI")]
    [InlineData("disbursements", "status", "retur")]
    public void UnknownEnumValue_KeepsTheRowAndFlagsIt(string resource, string field, string value)
    {
        var (result, _) = MapWith(resource, field, value);

        Assert.Equal(ItemKind.Valid, result.Kind);
        Assert.True(result.Flagged);
        var flags = result.Entity switch
        {
            SocialAidFamily f => f.Flags,
            SocialAidDisbursement d => d.Flags,
            _ => null,
        };
        Assert.Contains(field, flags, StringComparison.Ordinal);
        if (field == "kelurahan_code")
        {
            Assert.Null(((SocialAidFamily)result.Entity!).KelurahanCode);
        }
    }

    public static TheoryData<string, string> EveryField() => new()
    {
        { "families", "id" }, { "families", "kelurahan_code" }, { "families", "desil" }, { "families", "programs" },
        { "families", "status" }, { "families", "verval_status" }, { "families", "updated_at" },
        { "disbursements", "id" }, { "disbursements", "family_id" }, { "disbursements", "program" }, { "disbursements", "stage" },
        { "disbursements", "amount" }, { "disbursements", "status" }, { "disbursements", "failure_reason" },
        { "disbursements", "disbursed_at" }, { "disbursements", "updated_at" },
    };

    [Theory]
    [MemberData(nameof(EveryField))]
    public void MissingField_IsRejected_AndTheReasonNamesIt(string resource, string field)
    {
        var item = Item(resource);
        item.Remove(field);

        var (result, redacted) = MapFull(resource, item);

        Assert.Equal(ItemKind.Rejected, result.Kind);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
        AssertNoPersonalData(result.Reason + redacted + result.Id);
    }

    [Theory]
    [MemberData(nameof(EveryField))]
    public void WronglyTypedField_IsRejected(string resource, string field)
    {
        var item = Item(resource);
        item[field] = field is "desil" or "amount" ? "3" : 1_700_000_123;

        var (result, redacted) = MapFull(resource, item);

        Assert.Equal(ItemKind.Rejected, result.Kind);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
        AssertNoPersonalData(result.Reason + redacted + result.Id);
    }

    [Theory]
    [InlineData("families", "desil", 0)]
    [InlineData("families", "desil", 11)]
    [InlineData("families", "desil", null)]
    [InlineData("families", "programs", null)]
    [InlineData("disbursements", "amount", -5)]
    [InlineData("disbursements", "amount", 12.5)]
    [InlineData("disbursements", "amount", null)]
    [InlineData("disbursements", "stage", "2026-Q3")]
    [InlineData("disbursements", "stage", "2026-T13")]
    [InlineData("disbursements", "disbursed_at", "2026-08-12 10:15")]
    [InlineData("disbursements", "disbursed_at", null)]
    public void BadValue_IsRejected(string resource, string field, object? value)
    {
        var item = Item(resource);
        item[field] = value switch
        {
            null => null,
            int i => i,
            double d => d,
            _ => (string)value,
        };

        var (result, redacted) = MapFull(resource, item);

        Assert.Equal(ItemKind.Rejected, result.Kind);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
        AssertNoPersonalData(result.Reason + redacted + result.Id);
    }

    [Fact]
    public void ProgrammesWithANonStringEntry_AreRejected()
    {
        var item = Family();
        item["programs"] = new JsonArray("PKH", 3);
        Assert.Equal(ItemKind.Rejected, _families.Map(Parse(item)).Kind);
    }

    [Fact]
    public void FailureReason_IsKeptOnlyForFailures_AndMayBeMissingFromOne()
    {
        var failed = _disbursements.Map(Parse(Disbursement("gagal", "Rekening tidak aktif (dormant)", null))).Entity!;
        var unexplained = _disbursements.Map(Parse(Disbursement("gagal", null, null)));
        var paid = _disbursements.Map(Parse(Disbursement("tersalur", "Rekening tidak aktif (dormant)"))).Entity!;
        var scheduled = _disbursements.Map(Parse(Disbursement("dijadwalkan", null, null)));

        Assert.Equal("Rekening tidak aktif (dormant)", failed.FailureReason);
        Assert.Equal(ItemKind.Valid, unexplained.Kind);
        Assert.Null(unexplained.Entity!.FailureReason);
        Assert.Null(paid.FailureReason);
        Assert.Equal(ItemKind.Valid, scheduled.Kind);
    }

    [Fact]
    public void Tombstones_CarryTheHashedId()
    {
        var family = _families.Map(Parse(new JsonObject { ["id"] = RegistryId, ["updated_at"] = "2026-08-12T09:00:00+07:00", ["deleted"] = true }));
        var disbursement = _disbursements.Map(Parse(new JsonObject { ["id"] = "BNS-2026-T3-PKH-000042", ["updated_at"] = "2026-08-12T09:00:00+07:00", ["deleted"] = true }));

        Assert.Equal(ItemKind.Tombstone, family.Kind);
        Assert.Equal(Pseudonymizer.Hash(SocialAidPayload.FamilyPurpose, RegistryId), family.Id);
        Assert.Equal(ItemKind.Tombstone, disbursement.Kind);
        Assert.Equal("BNS-2026-T3-PKH-000042", disbursement.Id);
    }

    [Fact]
    public void AffectedSince_IsAsEarlyAsTheChangeReaches()
    {
        var family = _families.Map(Parse(Family())).Entity!;
        var moved = Family();
        moved["kelurahan_code"] = "35.73.01.1001";
        var elsewhere = _families.Map(Parse(moved)).Entity!;
        var later = Family();
        later["desil"] = 5;
        later["updated_at"] = "2026-08-20T09:00:00+07:00";
        var richer = _families.Map(Parse(later)).Entity!;

        Assert.Equal(family.UpdatedAt, _families.AffectedSince(null, family));
        Assert.Equal(richer.UpdatedAt, _families.AffectedSince(family, richer));
        Assert.True(_families.AffectedSince(family, elsewhere) < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(_families.AffectedSince(family, null) < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var scheduled = _disbursements.Map(Parse(Disbursement("dijadwalkan", null, null))).Entity!;
        var paid = Disbursement("tersalur", null, "2026-08-11T14:00:00+07:00");
        paid["updated_at"] = "2026-08-13T09:00:00+07:00";
        var paidEntity = _disbursements.Map(Parse(paid)).Entity!;
        Assert.Equal(scheduled.UpdatedAt, _disbursements.AffectedSince(null, scheduled));
        Assert.Equal(paidEntity.DisbursedAt, _disbursements.AffectedSince(scheduled, paidEntity));
    }

    [Fact]
    public void Stages_ParseAndOrder()
    {
        Assert.True(AidStage.TryParse("2026-T3", out var t3));
        Assert.True(AidStage.TryParse("2026-T12", out var t12));
        Assert.True(AidStage.TryParse("2027-T1", out var next));
        Assert.True(t3 < t12 && t12 < next);
        Assert.Equal("2026-T3", t3.ToString());
        Assert.False(AidStage.TryParse("2026-T0", out _));
        Assert.False(AidStage.TryParse("2026-T03", out _));
        Assert.False(AidStage.TryParse("26-T3", out _));
    }

    private static JsonObject Item(string resource) => resource == "families" ? Family() : Disbursement();

    private (ItemResult<object> Result, string Redacted) MapWith(string resource, string field, string value)
    {
        var item = Item(resource);
        if (field == "programs")
        {
            item[field] = new JsonArray(value);
        }
        else
        {
            item[field] = value;
        }
        if (resource == "disbursements" && field == "status" && value == "gagal")
        {
            item["failure_reason"] = "KPM pindah domisili";
        }
        return MapFull(resource, item);
    }

    private (ItemResult<object> Result, string Redacted) MapFull(string resource, JsonObject item)
    {
        var element = Parse(item);
        return resource == "families"
            ? (Box(_families.Map(element)), PersonalData.Redact(element, _families.StoredFields))
            : (Box(_disbursements.Map(element)), PersonalData.Redact(element, _disbursements.StoredFields));
    }

    private static ItemResult<object> Box<T>(ItemResult<T> r) where T : class =>
        new(r.Kind, r.Id, r.UpdatedAt, r.Entity, r.Reason, r.Flagged);
}
