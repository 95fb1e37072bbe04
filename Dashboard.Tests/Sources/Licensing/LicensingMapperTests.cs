using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Licensing;

namespace Dashboard.Tests.Sources.Licensing;

public sealed class LicensingMapperTests
{
    private static JsonObject Application() => new()
    {
        ["id"] = "PRM-2026-000123",
        ["permit_type"] = "pbg_rumah",
        ["channel"] = "simbg",
        ["kbli"] = null,
        ["risk_level"] = null,
        ["applicant_kind"] = "perorangan",
        ["applicant"] = new JsonObject
        {
            ["name"] = "Sri Rahayu", ["nik"] = "3573010101800001", ["address"] = "Jl. Ijen No. 5", ["phone"] = "081234567890",
        },
        ["kelurahan_code"] = "35.73.02.1001",
        ["status"] = "menunggu_bayar",
        ["history"] = new JsonArray
        {
            new JsonObject { ["status"] = "diajukan", ["at"] = "2026-11-02T09:00:00+07:00" },
            new JsonObject { ["status"] = "verifikasi", ["at"] = "2026-11-02T13:00:00+07:00" },
            new JsonObject { ["status"] = "perbaikan", ["at"] = "2026-11-04T10:00:00+07:00" },
            new JsonObject { ["status"] = "verifikasi", ["at"] = "2026-11-10T10:00:00+07:00" },
            new JsonObject { ["status"] = "pertimbangan_teknis", ["at"] = "2026-11-11T10:00:00+07:00" },
            new JsonObject { ["status"] = "menunggu_bayar", ["at"] = "2026-11-13T10:00:00+07:00" },
        },
        ["submitted_at"] = "2026-11-02T09:00:00+07:00",
        ["issued_at"] = null,
        ["retribution_amount"] = 4_500_000,
        ["paid_at"] = null,
        ["investment_value"] = null,
        ["updated_at"] = "2026-11-13T10:00:00+07:00",
    };

    private static ItemResult<T> Map<T>(ISourceMapper<T> mapper, JsonNode item) where T : class, Dashboard.Ingest.Reporting.ISourceEntity =>
        mapper.Map(JsonDocument.Parse(item.ToJsonString()).RootElement);

    [Fact]
    public void Application_Valid_KeepsTheContractFields_AndNeverTheApplicant()
    {
        var r = Map(new ApplicationsMapper(), Application());

        Assert.Equal(ItemKind.Valid, r.Kind);
        var a = r.Entity!;
        Assert.Equal(("pbg_rumah", "simbg", "menunggu_bayar", "35.73.02.1001", "35.73.02"), (a.PermitType, a.Channel, a.Status, a.KelurahanCode, a.KecamatanCode));
        Assert.Equal(6, StatusHistory.Decode(a.History).Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 3, 0, 0, TimeSpan.Zero), a.StatusSince);
        Assert.Equal(4_500_000, a.RetributionAmount);
        Assert.Null(a.Flags);
        var pauses = StatusHistory.Pauses(StatusHistory.Decode(a.History));
        Assert.Equal([new Dashboard.Ingest.Shared.SlaPause(new DateTimeOffset(2026, 11, 4, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 10, 3, 0, 0, TimeSpan.Zero))], pauses);
        var stored = JsonSerializer.Serialize(a);
        foreach (var personal in new[] { "Sri Rahayu", "3573010101800001", "Jl. Ijen", "081234567890" })
        {
            Assert.DoesNotContain(personal, stored, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("applicant", new ApplicationsMapper().StoredFields);
    }

    public static TheoryData<string, string> ApplicationEnumValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in new[] { "diajukan", "verifikasi", "perbaikan", "pertimbangan_teknis", "menunggu_bayar", "terbit", "ditolak", "dicabut", "dibatalkan" })
        {
            data.Add("status", v);
        }
        foreach (var v in new[] { "oss", "sicantik", "simbg" })
        {
            data.Add("channel", v);
        }
        foreach (var v in new[] { "rendah", "menengah_rendah", "menengah_tinggi", "tinggi" })
        {
            data.Add("risk_level", v);
        }
        foreach (var v in new[] { "perorangan", "badan_usaha" })
        {
            data.Add("applicant_kind", v);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ApplicationEnumValues))]
    public void Application_EveryContractEnumValue_IsValidAndNotFlagged(string field, string value)
    {
        var item = Application();
        item[field] = value;
        var r = Map(new ApplicationsMapper(), item);
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.False(r.Flagged, r.Entity!.Flags);
    }

    [Theory]
    [InlineData("status", "ditangguhkan", "ditangguhkan")]
    [InlineData("channel", "sipd", "sipd")]
    [InlineData("risk_level", "sangat_tinggi", "sangat_tinggi")]
    [InlineData("applicant_kind", "Koperasi Warga Sejahtera", "lainnya")]
    [InlineData("kelurahan_code", "35.73.09.9999", null)]
    [InlineData("kbli", "3573010101800001", null)]
    [InlineData("permit_type", "Izin Bapak Budi Santoso", "lainnya")]
    public void Application_UnknownValue_IsKeptFlaggedAndNeutralised(string field, string value, string? stored)
    {
        var item = Application();
        item[field] = value;
        var r = Map(new ApplicationsMapper(), item);
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.True(r.Flagged);
        Assert.Contains(field, r.Entity!.Flags!, StringComparison.Ordinal);
        var a = r.Entity;
        var actual = field switch
        {
            "status" => a.Status,
            "channel" => a.Channel,
            "risk_level" => a.RiskLevel,
            "applicant_kind" => a.ApplicantKind,
            "kelurahan_code" => a.KelurahanCode,
            "kbli" => a.Kbli,
            _ => a.PermitType,
        };
        Assert.Equal(stored, actual);
    }

    [Fact]
    public void Application_UnknownStatusInHistory_IsNeutralisedAndFlagged()
    {
        var item = Application();
        ((JsonObject)item["history"]![1]!)["status"] = "Dikirim ke Pak Lurah";
        var r = Map(new ApplicationsMapper(), item);
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.Contains("history", r.Entity!.Flags!, StringComparison.Ordinal);
        Assert.Equal("lainnya", StatusHistory.Decode(r.Entity.History)[1].Status);
    }

    public static TheoryData<string, JsonNode?> Faults() => new()
    {
        { "submitted_at", null },
        { "submitted_at", "kemarin" },
        { "status", 3 },
        { "retribution_amount", "empat juta" },
        { "retribution_amount", -5 },
        { "history", "diajukan" },
        { "id", "PRM 2026" },
        { "issued_at", "2026-10-01T09:00:00+07:00" },
        { "paid_at", "2026-10-01T09:00:00+07:00" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Application_Fault_IsRejectedWithAReason(string field, JsonNode? value)
    {
        var item = Application();
        item[field] = value?.DeepClone();
        var r = Map(new ApplicationsMapper(), item);
        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains(field, r.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public void Application_HistoryOutOfOrderOrBeforeSubmission_IsRejected()
    {
        var item = Application();
        ((JsonObject)item["history"]![3]!)["at"] = "2026-11-03T10:00:00+07:00";
        Assert.Equal(ItemKind.Rejected, Map(new ApplicationsMapper(), item).Kind);
        item = Application();
        ((JsonObject)item["history"]![0]!)["at"] = "2026-11-01T10:00:00+07:00";
        Assert.Equal(ItemKind.Rejected, Map(new ApplicationsMapper(), item).Kind);
        item = Application();
        item["history"] = new JsonArray([.. Enumerable.Range(0, 41).Select(_ => (JsonNode)new JsonObject { ["status"] = "verifikasi", ["at"] = "2026-11-03T10:00:00+07:00" })]);
        Assert.Equal(ItemKind.Rejected, Map(new ApplicationsMapper(), item).Kind);
    }

    [Fact]
    public void Tombstones_AreRecognisedOnEveryPagedFeed()
    {
        var tombstone = new JsonObject { ["id"] = "X-1", ["updated_at"] = "2026-11-13T10:00:00+07:00", ["deleted"] = true };
        Assert.Equal(ItemKind.Tombstone, Map(new ApplicationsMapper(), tombstone).Kind);
        Assert.Equal(ItemKind.Tombstone, Map(new BusinessIdsMapper(), tombstone).Kind);
        Assert.Equal(ItemKind.Tombstone, Map(new InvestmentReportsMapper(), tombstone).Kind);
        var type = new JsonObject { ["code"] = "sip_dokter", ["updated_at"] = "2026-11-13T10:00:00+07:00", ["deleted"] = true };
        Assert.Equal(ItemKind.Tombstone, Map(new PermitTypesMapper(), type).Kind);
    }

    private static JsonObject Nib() => new()
    {
        ["id"] = "9120000000001",
        ["issued_at"] = "2026-11-13T10:00:00+07:00",
        ["kbli"] = "56101",
        ["risk_level"] = "rendah",
        ["scale"] = "mikro",
        ["kelurahan_code"] = "35.73.01.1001",
        ["investment_value"] = 25_000_000,
        ["owner"] = new JsonObject { ["name"] = "Budi Santoso", ["nik"] = "3573010101800002" },
        ["updated_at"] = "2026-11-13T10:00:00+07:00",
    };

    [Theory]
    [InlineData("mikro")]
    [InlineData("kecil")]
    [InlineData("menengah")]
    [InlineData("besar")]
    public void Nib_EveryScale_IsValid_AndTheOwnerIsDropped(string scale)
    {
        var item = Nib();
        item["scale"] = scale;
        var r = Map(new BusinessIdsMapper(), item);
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.False(r.Flagged);
        Assert.Equal(scale, r.Entity!.Scale);
        var stored = JsonSerializer.Serialize(r.Entity);
        Assert.DoesNotContain("Budi", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("3573010101800002", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Nib_UnknownScaleAndRisk_AreFlagged_AndAMissingIssueRejected()
    {
        var item = Nib();
        item["scale"] = "ultra_mikro";
        item["risk_level"] = "sangat_tinggi";
        var r = Map(new BusinessIdsMapper(), item);
        Assert.True(r.Flagged);
        Assert.Equal(("ultra_mikro", "sangat_tinggi"), (r.Entity!.Scale, r.Entity.RiskLevel));
        item = Nib();
        item["issued_at"] = null;
        Assert.Equal(ItemKind.Rejected, Map(new BusinessIdsMapper(), item).Kind);
    }

    [Theory]
    [InlineData("PMDN", "perumahan", "2026-Q3", ItemKind.Valid, false)]
    [InlineData("PMA", "hotel_restoran", "2025-Q1", ItemKind.Valid, false)]
    [InlineData("PMA", "Usaha milik Ibu Sari 081234567890", "2025-Q1", ItemKind.Valid, true)]
    [InlineData("PMDN", "perumahan", "2026-Q5", ItemKind.Rejected, false)]
    [InlineData("PMDN", "perumahan", "Q3 2026", ItemKind.Rejected, false)]
    public void InvestmentReport_PeriodKindAndSector(string kind, string sector, string period, ItemKind expected, bool flagged)
    {
        var item = new JsonObject
        {
            ["id"] = "LKPM-1", ["period"] = period, ["kind"] = kind, ["sector"] = sector, ["kelurahan_code"] = null,
            ["realised_value"] = 1_000_000_000, ["updated_at"] = "2026-10-10T10:00:00+07:00",
        };
        var r = Map(new InvestmentReportsMapper(), item);
        Assert.Equal(expected, r.Kind);
        if (expected == ItemKind.Valid)
        {
            Assert.Equal(flagged, r.Flagged);
            Assert.DoesNotContain("Sari", r.Entity!.Sector, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PermitType_And_Target_MapWithTheirDerivedIds()
    {
        var type = Map(new PermitTypesMapper(), new JsonObject
        {
            ["code"] = "sip_dokter", ["name"] = "Surat izin praktik dokter 3573010101800001", ["channel"] = "sicantik", ["sla_days"] = 3,
            ["technical_agency_code"] = "DINKES", ["retribution"] = false, ["updated_at"] = "2025-01-02T08:00:00+07:00",
        });
        Assert.Equal(ItemKind.Valid, type.Kind);
        Assert.Equal(("sip_dokter", 3, "DINKES"), (type.Entity!.Id, type.Entity.SlaDays, type.Entity.TechnicalAgencyCode));
        Assert.DoesNotContain("3573010101800001", type.Entity.Name, StringComparison.Ordinal);

        var unknownAgency = Map(new PermitTypesMapper(), new JsonObject
        {
            ["code"] = "x", ["name"] = "X", ["channel"] = "oss", ["sla_days"] = 400,
            ["technical_agency_code"] = "DINAS_BARU", ["retribution"] = "ya", ["updated_at"] = "2025-01-02T08:00:00+07:00",
        });
        Assert.Equal(ItemKind.Rejected, unknownAgency.Kind);
        Assert.Contains("sla_days", unknownAgency.Reason!, StringComparison.Ordinal);
        Assert.Contains("retribution", unknownAgency.Reason!, StringComparison.Ordinal);

        var target = Map(new InvestmentTargetsMapper(), new JsonObject
        {
            ["year"] = 2026, ["kind"] = "PMA", ["target"] = 200_000_000_000, ["updated_at"] = "2026-01-02T09:00:00+07:00",
        });
        Assert.Equal(ItemKind.Valid, target.Kind);
        Assert.Equal(("2026:PMA", 200_000_000_000L), (target.Entity!.Id, target.Entity.Target));
    }
}
