using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Complaints;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Tests.Sources.Complaints;

public sealed class ComplaintsKpisTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static DateTimeOffset Wib(int m, int d, int h) => new(2026, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static ComplaintsKpis.ComplaintFacts Fact(
        string type, string agency, string? kelurahan, string status, string category,
        DateTimeOffset submitted, DateTimeOffset? verified = null, DateTimeOffset? response = null, DateTimeOffset? closed = null) =>
        new(type, category, agency, kelurahan, kelurahan?[..8], status, submitted, verified, response, closed);

    private static readonly ComplaintsKpis.ComplaintFacts[] Facts =
    [
        // A: settled within 5 working days.
        Fact("pengaduan", "DISHUB", "35.73.02.1001", "selesai", "Perhubungan", Wib(11, 16, 9), Wib(11, 16, 12), Wib(11, 17, 10), Wib(11, 18, 10)),
        // B: responded after 8 working hours, still open past its deadline (Mon 16 Nov 09:00).
        Fact("pengaduan", "DISHUB", "35.73.02.1001", "proses", "Perhubungan", Wib(11, 9, 9), Wib(11, 9, 10), Wib(11, 10, 9)),
        // C: received today, not yet verified.
        Fact("aspirasi", "SATPOLPP", null, "belum_terverifikasi", "Ketertiban Umum", Wib(11, 20, 8)),
        // D: archived without verification: not awaiting anything.
        Fact("pengaduan", "DISHUB", "35.73.05.1001", "diarsipkan", "Perhubungan", Wib(11, 19, 10)),
    ];

    private static double? Value(List<ComputedValue> values, string code, string scope, DateOnly? day = null) =>
        values.Single(v => v.Code == code && v.Scope == scope && v.Date == (day ?? Today)).Value;

    [Fact]
    public void Compute_CityLevel_FollowsTheCatalogueDefinitions()
    {
        var values = ComplaintsKpis.Compute(Facts, new DateOnly(2026, 11, 1), Today);
        const string kota = ReferenceData.KotaCode;

        Assert.Equal(1, Value(values, Codes.ComplaintsReceived, kota));
        Assert.Equal(1, Value(values, Codes.AwaitingVerification, kota));
        Assert.Equal(100, Value(values, Codes.FollowedUpPct, kota));
        Assert.Equal(0, Value(values, Codes.WithinSlaPct, kota));
        Assert.Equal(1, Value(values, Codes.Overdue, kota));
        Assert.Equal(8.5, Value(values, Codes.FirstResponseHours, kota));
        Assert.Equal(25, Value(values, Codes.ClosedPct, kota));
        Assert.Equal(0, Value(values, Codes.OpdCompliancePct, kota));
        Assert.Equal(Math.Round(4 * 10_000.0 / 847_182, 2), Value(values, Codes.Per10kPopulation, kota));
        var top = values.Single(v => v.Code == Codes.TopCategory && v.Scope == kota && v.Date == Today);
        Assert.Equal(("Perhubungan", 3.0), (top.Label, top.Value));
    }

    [Fact]
    public void Compute_Today_CountsADeadlineLaterTodayOnlyOnceItHasPassed()
    {
        // Submitted Fri 13 Nov 14:00: five working days later is Fri 20 Nov 14:00, later today at 10:00.
        ComplaintsKpis.ComplaintFacts[] facts = [Fact("pengaduan", "DISHUB", "35.73.02.1001", "proses", "Perhubungan", Wib(11, 13, 14), Wib(11, 13, 15))];
        const string kota = ReferenceData.KotaCode;

        var morning = ComplaintsKpis.Compute(facts, Today, Today, Wib(11, 20, 10));
        Assert.Equal(0, Value(morning, Codes.Overdue, kota));
        Assert.Null(Value(morning, Codes.WithinSlaPct, kota));

        var evening = ComplaintsKpis.Compute(facts, Today, Today, Wib(11, 20, 15));
        Assert.Equal(1, Value(evening, Codes.Overdue, kota));
        Assert.Equal(0, Value(evening, Codes.WithinSlaPct, kota));
    }

    [Fact]
    public void Compute_History_IsTheStateAtTheEndOfEachDay()
    {
        var values = ComplaintsKpis.Compute(Facts, new DateOnly(2026, 11, 1), Today);
        const string kota = ReferenceData.KotaCode;

        Assert.Equal(0, Value(values, Codes.Overdue, kota, new DateOnly(2026, 11, 15)));
        Assert.Equal(1, Value(values, Codes.Overdue, kota, new DateOnly(2026, 11, 16)));
        // B waited for verification on no night: verified the day it came in.
        Assert.Equal(0, Value(values, Codes.AwaitingVerification, kota, new DateOnly(2026, 11, 9)));
        Assert.Equal(0, Value(values, Codes.AwaitingVerification, kota, new DateOnly(2026, 11, 19)));
        Assert.Equal(1, Value(values, Codes.ComplaintsReceived, kota, new DateOnly(2026, 11, 16)));
        Assert.Null(Value(values, Codes.FollowedUpPct, kota, new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Compute_RegionsAndAgencies_GetTheirOwnValues()
    {
        var values = ComplaintsKpis.Compute(Facts, Today, Today);

        Assert.Equal(0, Value(values, Codes.ComplaintsReceived, "35.73.02"));
        Assert.Equal(1, Value(values, Codes.Overdue, "35.73.02.1001"));
        Assert.Equal(0, Value(values, Codes.Overdue, "35.73.05.1001"));
        Assert.Equal(0, Value(values, Codes.OpdCompliancePct, "DISHUB"));
        // No complaint of Satpol PP was due: no data, never a silent zero.
        Assert.Null(Value(values, Codes.OpdCompliancePct, "SATPOLPP"));
        Assert.DoesNotContain(values, v => v.Code == Codes.OpdCompliancePct && v.Kind == ScopeKind.Kelurahan);
        Assert.DoesNotContain(values, v => v.Code == Codes.Per10kPopulation && v.Kind == ScopeKind.Opd);
        // One day for every scope (kota, 5 kecamatan, 57 kelurahan, agencies): nothing outside the range.
        Assert.All(values, v => Assert.Equal(Today, v.Date));
        Assert.Equal(1 + 5 + 57 + ReferenceData.Agencies.Count,
            values.Where(v => v.Code == Codes.ComplaintsReceived).Select(v => v.Scope).Distinct().Count());
    }
}
