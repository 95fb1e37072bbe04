using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.SocialAid;
using Codes = Dashboard.Ingest.Sources.SocialAid.SocialAidIndicators.Codes;
using Disbursement = Dashboard.Ingest.Sources.SocialAid.SocialAidKpis.DisbursementFacts;
using Family = Dashboard.Ingest.Sources.SocialAid.SocialAidKpis.FamilyFacts;

namespace Dashboard.Tests.Sources.SocialAid;

/// <summary>The day-by-day rules of #31–#38 on a handful of families whose figures are worked out by hand.</summary>
public sealed class SocialAidKpisTests
{
    private const string Lesanpuro = "35.73.03.1007";
    private const string Balearjosari = "35.73.01.1001";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Wib);

    private static readonly Family[] Families =
    [
        new("f1", Lesanpuro, 1, "PKH,SEMBAKO", "aktif", "layak", null),
        new("f2", Lesanpuro, 3, "", "aktif", "belum", null),
        new("f3", Balearjosari, 7, "SEMBAKO", "aktif", "layak", null),
        new("f4", Balearjosari, 4, "", "graduasi", "layak", new DateTimeOffset(2025, 12, 31, 20, 0, 0, Wib)),
        new("f5", Balearjosari, 2, "", "graduasi", "layak", At(1, 1, 6)),
        new("f6", null, 2, "PKH", "aktif", "layak", null),
        new("f7", Lesanpuro, 2, "PKH", "nonaktif", "tidak_layak", null),
    ];

    private static readonly Disbursement[] Disbursements =
    [
        // Tahap 1: both paid on 10 February.
        new("f1", "2026-T1", "tersalur", At(2, 10), At(2, 10)),
        new("f6", "2026-T1", "tersalur", At(2, 10), At(2, 10)),
        // Tahap 2: scheduled on 7 May; f1 paid on the 11th, f3 failed on the 12th, f6 still scheduled.
        new("f1", "2026-T2", "tersalur", At(5, 11), At(5, 11)),
        new("f3", "2026-T2", "gagal", null, At(5, 12)),
        new("f6", "2026-T2", "dijadwalkan", null, At(5, 7)),
        // A stage the source mistyped is ignored.
        new("f1", "2026-Q2", "tersalur", At(5, 1), At(5, 1)),
    ];

    private static double? Value(List<ComputedValue> values, string code, string scope, int month, int day) =>
        values.Single(v => v.Code == code && v.Scope == scope && v.Date == new DateOnly(2026, month, day)).Value;

    [Fact]
    public void TheCurrentTahap_IsTheLatestStarted_AndItsFailuresCountFromTheirDay()
    {
        var values = SocialAidKpis.Compute(Families, Disbursements, new DateOnly(2026, 2, 9), new DateOnly(2026, 5, 13));

        Assert.Equal(63 * 8 * 94, values.Count);
        Assert.Null(Value(values, Codes.DisbursedPct, ReferenceData.KotaCode, 2, 9));
        Assert.Equal(100, Value(values, Codes.DisbursedPct, ReferenceData.KotaCode, 2, 10));
        // Tahap 2 is scheduled on 7 May but starts with the first payment on the 11th.
        Assert.Equal(100, Value(values, Codes.DisbursedPct, ReferenceData.KotaCode, 5, 10));
        Assert.Equal(33.3, Value(values, Codes.DisbursedPct, ReferenceData.KotaCode, 5, 11));
        Assert.Equal(0, Value(values, Codes.Failed, ReferenceData.KotaCode, 5, 11));
        Assert.Equal(1, Value(values, Codes.Failed, ReferenceData.KotaCode, 5, 12));
        Assert.Equal("2026-T2", values.Single(v => v.Code == Codes.DisbursedPct && v.Scope == ReferenceData.KotaCode && v.Date == new DateOnly(2026, 5, 12)).Label);
        // Lesanpuro holds f1's payment only; Balearjosari f3's failure; f6 has no region and counts city-wide only.
        Assert.Equal(100, Value(values, Codes.DisbursedPct, Lesanpuro, 5, 12));
        Assert.Equal(0, Value(values, Codes.DisbursedPct, Balearjosari, 5, 12));
        Assert.Equal(1, Value(values, Codes.Failed, "35.73.01", 5, 12));
        Assert.Null(Value(values, Codes.DisbursedPct, "35.73.02", 5, 12));
    }

    [Fact]
    public void RegisterFigures_FollowTheDefinitions()
    {
        var values = SocialAidKpis.Compute(Families, Disbursements, new DateOnly(2026, 5, 13), new DateOnly(2026, 5, 13));

        // Recipients: f1, f3, f6 (f7 is nonaktif).
        Assert.Equal(3, Value(values, Codes.Recipients, ReferenceData.KotaCode, 5, 13));
        Assert.Equal(1, Value(values, Codes.Recipients, Lesanpuro, 5, 13));
        // Desil 1–4 registered: f1, f2, f4, f5, f6 (not f7); covered: f1, f6.
        Assert.Equal(5, Value(values, Codes.PoorestFamilies, ReferenceData.KotaCode, 5, 13));
        Assert.Equal(40, Value(values, Codes.PoorestCoveragePct, ReferenceData.KotaCode, 5, 13));
        Assert.Equal(50, Value(values, Codes.PoorestCoveragePct, Lesanpuro, 5, 13));
        Assert.Equal(0, Value(values, Codes.PoorestCoveragePct, Balearjosari, 5, 13));
        // f3 receives Sembako in desil 7.
        Assert.Equal(1, Value(values, Codes.InclusionError, ReferenceData.KotaCode, 5, 13));
        Assert.Equal(1, Value(values, Codes.InclusionError, "35.73.01", 5, 13));
        // Verified: every family but f2.
        Assert.Equal(85.7, Value(values, Codes.VervalPct, ReferenceData.KotaCode, 5, 13));
        Assert.Equal(66.7, Value(values, Codes.VervalPct, Lesanpuro, 5, 13));
    }

    [Fact]
    public void Graduations_CountFromTheFirstOfJanuary()
    {
        var values = SocialAidKpis.Compute(Families, [], new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 2));

        Assert.Equal(0, Value2025(values, 12, 30));
        // f4 graduated on 31 December at 20:00 WIB (13:00 UTC): that day in WIB.
        Assert.Equal(1, Value2025(values, 12, 31));
        // A new year starts at zero; f5 graduated on 1 January at 06:00 WIB (still 31 December in UTC).
        Assert.Equal(1, Value(values, Codes.Graduated, ReferenceData.KotaCode, 1, 1));
        Assert.Equal(1, Value(values, Codes.Graduated, Balearjosari, 1, 2));
        Assert.Equal(0, Value(values, Codes.Graduated, Lesanpuro, 1, 2));
        Assert.All(values.Where(v => v.Code == Codes.DisbursedPct), v => Assert.Null(v.Value));

        static double? Value2025(List<ComputedValue> values, int month, int day) =>
            values.Single(v => v.Code == Codes.Graduated && v.Scope == ReferenceData.KotaCode && v.Date == new DateOnly(2025, month, day)).Value;
    }

    /// <summary>
    /// A recomputation reads the stages from the one current at its first day on, in tahap order, which is not the names'
    /// order from tahap 10 ("2025-T9" sorts after "2025-T12"): walking the names would stop at tahap 9, which started first.
    /// </summary>
    [Fact]
    public async Task A_recomputation_reads_the_stage_current_at_its_start_and_the_newer_ones_in_tahap_order()
    {
        using var store = new Dashboard.Tests.Web.InMemoryReportingDb();
        var day = new DateOnly(2025, 12, 20);
        DateTimeOffset On(int daysBefore) => new(day.AddDays(-daysBefore).ToDateTime(new TimeOnly(10, 0)), Wib);
        SocialAidDisbursement Row(string stage, string status, DateTimeOffset? paid) => new()
        {
            Id = $"{stage}-{status}", FamilyKey = "f1", Program = "PKH", Stage = stage, Amount = 1, Status = status, DisbursedAt = paid,
            UpdatedAt = paid ?? On(400),
        };
        var ct = TestContext.Current.CancellationToken;
        await using (var db = store.CreateDbContext())
        {
            db.AddRange(
                Row("2024-T4", "tersalur", On(400)),
                Row("2025-T9", "tersalur", On(100)),
                Row("2025-T10", "tersalur", On(50)),
                Row("2025-T11", "tersalur", On(10)),
                Row("2025-T12", "dijadwalkan", null));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = store.CreateDbContext())
        {
            var from30 = await SocialAidKpis.StagesFromAsync(db, day.AddDays(-30), ct);
            Assert.Equal(["2025-T10", "2025-T11", "2025-T12"], from30.Select(d => d.Stage).Order(StringComparer.Ordinal));
            // Before any stage had started: every stage, so the series' first day is found among them.
            var from500 = await SocialAidKpis.StagesFromAsync(db, day.AddDays(-500), ct);
            Assert.Equal(5, from500.Count);
        }
    }
}
