using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Budget;
using Codes = Dashboard.Ingest.Sources.Budget.BudgetIndicators.Codes;
using F = Dashboard.Ingest.Sources.Budget.BudgetKpis;

namespace Dashboard.Tests.Sources.Budget;

/// <summary>#47–#56 on a small hand-made APBD whose every figure is worked out in the comments.</summary>
public sealed class BudgetKpisTests
{
    // Thursday 15 October 2026: band on the day lower 40 + 10 × 15/31 = 44.84, upper 60 + 10 × 15/31 = 64.84.
    private static readonly DateOnly Today = new(2026, 10, 15);
    private const string Kota = ReferenceData.KotaCode;

    private static DateTimeOffset Wib(int m, int d, int h = 10) => new(2026, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static readonly F.LineFacts[] Lines =
    [
        // DINKES: 1,000 M pagu; personnel 600 (DAU), capital 400 (DAK fisik).
        new("A1", 2026, "DINKES", "operasi", "DAU", 600_000),
        new("A2", 2026, "DINKES", "modal", "DAK_FISIK", 400_000),
        // DLH: 1,000, goods (PAD).
        new("B1", 2026, "DLH", "operasi", "PAD", 1_000_000),
        // Last year's line: only the monev month of early January would read it.
        new("Z1", 2025, "DLH", "operasi", "PAD", 5_000),
    ];

    // Every line plans a tenth of its pagu in each of Jan–Sep and Oct (so 0.9 + 0.1 × 15/31 of a tenth… see Planned below).
    private static readonly F.PlanFacts[] Plans =
    [
        .. Enumerable.Range(1, 10).Select(m => new F.PlanFacts("A1", m, 60_000)),
        .. Enumerable.Range(1, 10).Select(m => new F.PlanFacts("A2", m, 40_000)),
        .. Enumerable.Range(1, 10).Select(m => new F.PlanFacts("B1", m, 100_000)),
    ];

    private static F.PaymentFacts Pay(int m, int d, string type, string status, params BudgetPaymentLine[] lines) =>
        new(new DateOnly(2026, m, d), type, status, lines);

    private static readonly F.PaymentFacts[] Payments =
    [
        // DINKES salaries 450 through September (counted), an advance (UP, not counted).
        Pay(9, 1, "LS", "terbit", new BudgetPaymentLine("A1", "5.1.01.01.01.0001", 450_000)),
        Pay(1, 5, "UP", "terbit", new BudgetPaymentLine("A2", "5.2.02.01.01.0001", 99_000)),
        // Capital: 100 paid, 50 cancelled (not counted), 30 after today (not yet).
        Pay(8, 10, "LS", "terbit", new BudgetPaymentLine("A2", "5.2.02.01.01.0001", 100_000)),
        Pay(8, 11, "LS", "dibatalkan", new BudgetPaymentLine("A2", "5.2.02.01.01.0001", 50_000)),
        Pay(10, 20, "LS", "terbit", new BudgetPaymentLine("A2", "5.2.02.01.01.0001", 30_000)),
        // DLH goods by GU: 300 + 200 (one SP2D also charging a line the feed never served: ignored).
        Pay(6, 3, "GU", "terbit", new BudgetPaymentLine("B1", "5.1.02.01.01.0001", 300_000)),
        Pay(10, 14, "GU", "terbit", new BudgetPaymentLine("B1", "5.1.02.01.01.0002", 200_000), new BudgetPaymentLine("X9", "5.1.02.01.01.0002", 77_000)),
        // TU is an advance too.
        Pay(10, 1, "TU", "terbit", new BudgetPaymentLine("B1", "5.1.02.01.01.0002", 11_000)),
    ];

    private static readonly F.ProgressFacts[] Progress =
    [
        // A2 at the end of August: physical 40 %, financial 100/400 = 25 %: gap 15, not beyond 15.
        new("A2", 2026, 8, 40, true, Wib(9, 8)),
        // A2 in September: physical 45 %, financial still 25 %: gap 20, listed. Verified, in by 9 October.
        new("A2", 2026, 9, 45, true, Wib(10, 9)),
        // B1 September: physical 30 %, financial 300/1000 = 30 %: no gap; in on 12 October: late.
        new("B1", 2026, 9, 30, true, Wib(10, 12)),
        // A1 September: in time and verified.
        new("A1", 2026, 9, 75, true, Wib(10, 5)),
    ];

    private static List<ComputedValue> Values() =>
        F.Compute(Lines, Plans, Payments, Progress, new DateOnly(2026, 10, 1), Today, _ => BudgetBand.Default);

    private static ComputedValue V(string code, string scope = Kota, DateOnly? day = null) =>
        Values().Single(v => v.Code == code && v.Scope == scope && v.Date == (day ?? Today));

    [Fact]
    public void Realisation_CountsLsAndGuNotCancelled_AgainstTheCurrentPagu()
    {
        // Realised: A1 450 + A2 100 + B1 500 = 1,050 of 2,000.
        Assert.Equal(52.5, V(Codes.RealisationPct).Value);
        Assert.Equal(55.0, V(Codes.AgencyRealisationPct, "DINKES").Value);
        Assert.Equal(50.0, V(Codes.AgencyRealisationPct, "DLH").Value);
        Assert.Equal(50.0, V(Codes.AgencyRealisationPct).Value);
        Assert.Equal("DLH", V(Codes.AgencyRealisationPct).Label);
        // The day before DLH's second GU: 300 of 1,000.
        Assert.Equal(30.0, V(Codes.AgencyRealisationPct, "DLH", new DateOnly(2026, 10, 13)).Value);
    }

    [Fact]
    public void AgenciesBelowTheBand_CountAgainstTheDaysLowerBound()
    {
        // 15 October: lower 44.84: DLH (50) and DINKES (55) both within the band.
        Assert.Equal(0, V(Codes.AgenciesBelowBand).Value);
        Assert.Null(V(Codes.AgenciesBelowBand).Label);
        // 13 October: lower 40 + 10 × 13/31 = 44.19; DLH at 30 before its second GU: below.
        Assert.Equal(1, V(Codes.AgenciesBelowBand, day: new DateOnly(2026, 10, 13)).Value);
        Assert.Equal("DLH", V(Codes.AgenciesBelowBand, day: new DateOnly(2026, 10, 13)).Label);
        // 1 October: lower 40.32; DINKES 55, DLH 30: one below.
        Assert.Equal(1, V(Codes.AgenciesBelowBand, day: new DateOnly(2026, 10, 1)).Value);
    }

    [Fact]
    public void CashPlanDeviation_AndProjectedSilpa_ReadThePlanToDate()
    {
        // Planned to 15 Oct: 9 months whole + October × 15/31. Kota: 9 × 200,000 + 200,000 × 15/31.
        var planned = (9 * 200_000) + (200_000 * 15 / 31.0);
        Assert.Equal(Math.Round(1_050_000 - planned), V(Codes.CashPlanDeviation).Value);
        var dinkesPlanned = (9 * 100_000) + (100_000 * 15 / 31.0);
        Assert.Equal(Math.Round(550_000 - dinkesPlanned), V(Codes.CashPlanDeviation, "DINKES").Value);
        // Projected: realised + rest of the year's plan (2,000,000 − planned) at the pace realised / planned.
        var projected = 1_050_000 + ((2_000_000 - planned) * 1_050_000 / planned);
        Assert.Equal(Math.Round(2_000_000 - projected), V(Codes.ProjectedSilpa).Value);
    }

    [Fact]
    public void Shares_AndTheWeakestFundingSource()
    {
        // Capital pagu 400 of 2,000; personnel 450 of 1,050 realised; funding: DAU 450/600 = 75, DAK fisik 25, PAD 50.
        Assert.Equal(20.0, V(Codes.CapitalShare).Value);
        Assert.Equal(Math.Round(450 * 100.0 / 1050, 1), V(Codes.PersonnelShare).Value);
        Assert.Equal(25.0, V(Codes.FundingRealisationPct).Value);
        Assert.Equal("DAK_FISIK", V(Codes.FundingRealisationPct).Label);
    }

    [Fact]
    public void PhysicalFinancialGap_UsesEachLinesLatestReport_AsSubmittedByTheDay()
    {
        // 15 Oct: A2 (Sept, gap 20) listed; B1 0; A1 75 − 75 = 0.
        Assert.Equal(1, V(Codes.PhysicalFinancialGap).Value);
        Assert.Equal(1, V(Codes.PhysicalFinancialGap, "DINKES").Value);
        Assert.Equal(0, V(Codes.PhysicalFinancialGap, "DLH").Value);
        // 8 Oct: A2's August report (gap 15) is its latest: nothing beyond 15.
        Assert.Equal(0, V(Codes.PhysicalFinancialGap, day: new DateOnly(2026, 10, 8)).Value);
    }

    [Fact]
    public void MonevOnTime_JudgesLastMonthAfterTheTenth()
    {
        // After the 10th, September: DINKES (A1, A2 in by the 10th and verified) on time; DLH (B1 on the 12th) late.
        Assert.Equal(50.0, V(Codes.MonevOnTime).Value);
        // Until the 10th, August: only A2 reported → neither agency complete.
        Assert.Equal(0.0, V(Codes.MonevOnTime, day: new DateOnly(2026, 10, 10)).Value);
        Assert.Equal((2026, 9), F.MonevMonth(new DateOnly(2026, 10, 11)));
        Assert.Equal((2025, 11), F.MonevMonth(new DateOnly(2026, 1, 10)));
    }
}
