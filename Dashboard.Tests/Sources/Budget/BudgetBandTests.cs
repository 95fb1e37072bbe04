using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Tests.Infrastructure;
using Codes = Dashboard.Ingest.Sources.Budget.BudgetIndicators.Codes;

namespace Dashboard.Tests.Sources.Budget;

/// <summary>
/// Realisation's status follows the monthly band (docs/DOMAIN.md §13), checked at every month boundary: the band as the
/// settings give it, written as month targets, read back as the day's bounds, and the status every screen derives from them.
/// </summary>
public sealed class BudgetBandTests
{
    // docs/DOMAIN.md §13, written out again here rather than read from the product.
    private static readonly double[] Lower = [1, 1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70];
    private static readonly double[] Upper = [1, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 85];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The month-end bounds, and within a month the straight line from the previous month's end (0 before January).</summary>
    private static (double Lower, double Upper) Expected(DateOnly day)
    {
        var m = day.Month - 1;
        var f = day.Day / (double)DateTime.DaysInMonth(day.Year, day.Month);
        var (l0, u0) = m == 0 ? (0.0, 0.0) : (Lower[m - 1], Upper[m - 1]);
        return (l0 + ((Lower[m] - l0) * f), u0 + ((Upper[m] - u0) * f));
    }

    public static TheoryData<int> Months() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Months))]
    public async Task StatusAtEveryMonthBoundary_FollowsTheBand(int month)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await BudgetKpis.WriteBandAsync(db, 2026, 2026, new BudgetOptions(), Ct);
        }
        var last = new DateOnly(2026, month, DateTime.DaysInMonth(2026, month));
        var days = new List<DateOnly> { new(2026, month, 1), last };
        if (month < 12)
        {
            days.Add(last.AddDays(1));
        }
        foreach (var day in days)
        {
            await using var db = database.CreateDbContext();
            var targets = await CurrentTargets.LoadAsync(db, [Codes.RealisationPct, Codes.AgencyRealisationPct], day, Ct);
            var (lower, upper) = Expected(day);
            foreach (var code in BudgetIndicators.Banded)
            {
                var t = targets[code];
                Assert.Equal(TargetPeriod.Month, t.Period);
                Assert.Equal(upper, t.Value, 9);
                Assert.Equal(lower, t.Floor!.Value, 9);
                IndicatorStatus Status(double v) => IndicatorStatusEvaluator.Evaluate(v, t.Value, IndicatorDirection.HigherIsBetter, 0, t.Floor);
                Assert.Equal(IndicatorStatus.OnTrack, Status(t.Value));
                Assert.Equal(IndicatorStatus.OnTrack, Status(upper + 0.1));
                Assert.Equal(t.Value - t.Floor.Value < 1e-9 ? IndicatorStatus.OnTrack : IndicatorStatus.AtRisk, Status(t.Floor.Value));
                if (upper - lower > 0.2)
                {
                    Assert.Equal(IndicatorStatus.AtRisk, Status((lower + upper) / 2));
                }
                Assert.Equal(IndicatorStatus.OffTrack, Status(lower - 0.05));
            }
            // The month-end figure is exactly the table's.
            if (day == last)
            {
                Assert.Equal(Upper[month - 1], targets[Codes.RealisationPct].Value, 9);
                Assert.Equal(Lower[month - 1], targets[Codes.RealisationPct].Floor!.Value, 9);
            }
        }
    }

    [Fact]
    public void TheSettingsBand_TheTargetsBand_AndTheKpisBand_AgreeOnEveryDay()
    {
        var band = new BudgetOptions().BandFor(2026);
        var rows = new List<IndicatorTarget>();
        for (var m = 1; m <= 12; m++)
        {
            var first = new DateOnly(2026, m, 1);
            rows.Add(new IndicatorTarget
            {
                IndicatorCode = Codes.RealisationPct, Period = TargetPeriod.Month, PeriodStart = first, PeriodEnd = first.AddMonths(1).AddDays(-1),
                Value = Upper[m - 1], Floor = Lower[m - 1],
            });
        }
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            var (lower, upper) = Expected(day);
            var on = band.On(day);
            Assert.Equal(lower, on.Lower, 9);
            Assert.Equal(upper, on.Upper, 9);
            var resolved = TargetResolver.Resolve(rows, day)!;
            var (value, floor) = TargetResolver.BandOn(rows, resolved, day);
            Assert.Equal(upper, value, 9);
            Assert.Equal(lower, floor, 9);
            Assert.Equal(upper, TargetResolver.ValueOn(rows, day, cumulative: false)!.Value, 9);
        }
    }

    [Fact]
    public async Task AYearsOwnBand_FromSettings_ReplacesTheDefault_OnlyForThatYear()
    {
        var options = new BudgetOptions
        {
            Bands = { [2027] = new BudgetBandOptions { Lower = [2, 4, 6, 8, 10, 15, 25, 35, 45, 55, 65, 75], Upper = [3, 6, 9, 12, 22, 32, 42, 52, 62, 72, 82, 90] } },
        };
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await BudgetKpis.WriteBandAsync(db, 2026, 2027, options, Ct);
        }
        await using (var db = database.CreateDbContext())
        {
            var dec26 = (await CurrentTargets.LoadAsync(db, [Codes.RealisationPct], new DateOnly(2026, 12, 31), Ct))[Codes.RealisationPct];
            Assert.Equal(85, dec26.Value, 9);
            var jan27 = (await CurrentTargets.LoadAsync(db, [Codes.RealisationPct], new DateOnly(2027, 1, 31), Ct))[Codes.RealisationPct];
            Assert.Equal(3, jan27.Value, 9);
            Assert.Equal(2, jan27.Floor!.Value, 9);
            // 1 January starts from 0 again, not from December's 85 %.
            var firstDay = (await CurrentTargets.LoadAsync(db, [Codes.RealisationPct], new DateOnly(2027, 1, 1), Ct))[Codes.RealisationPct];
            Assert.Equal(3 / 31.0, firstDay.Value, 9);
        }
    }

    [Theory]
    [InlineData(new double[] { 1, 1, 3 }, "twelve values")]
    [InlineData(new double[] { 1, 1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 90 }, "above its Upper")]
    [InlineData(new double[] { 1, 1, 3, 5, 7, 10, 20, 30, 40, 50, 45, 70 }, "cumulative")]
    public void ABadBand_StopsStartUp_NamingTheKey(double[] lower, string message)
    {
        var options = new BudgetOptions { Bands = { [2026] = new BudgetBandOptions { Lower = lower } } };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Sources:Budget:Bands:2026", StringComparison.Ordinal) &&
                                     e.ErrorMessage.Contains(message, StringComparison.Ordinal));
    }
}
