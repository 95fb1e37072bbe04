using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Tests.Shared.Indicators;

/// <summary>The current value (snapshot) every screen reads: today's, or the latest earlier day's labelled with its date.</summary>
public sealed class IndicatorWriterTests : IDisposable
{
    // Monday 7 December 2026, before the first check-in; Friday 4 December is the last working day.
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateOnly Friday = new(2026, 12, 4);
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 21, 5, 0, TimeSpan.Zero);
    private readonly InMemoryReportingDb _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<IndicatorSnapshot> SnapshotAsync(string code, string scope = ReferenceData.KotaCode)
    {
        await using var db = _db.CreateDbContext();
        return await db.IndicatorSnapshots.AsNoTracking().SingleAsync(s => s.IndicatorCode == code && s.ScopeCode == scope, TestContext.Current.CancellationToken);
    }

    private async Task WriteAsync(DateOnly from, params ComputedValue[] values)
    {
        await using var db = _db.CreateDbContext();
        await IndicatorWriter.ReplaceAsync(db, [Codes.AttendancePct, Codes.Headcount], from, Monday, values, 1, Now, TestContext.Current.CancellationToken);
    }

    private static ComputedValue Value(string code, DateOnly day, double? value) => new(code, ScopeKind.Kota, ReferenceData.KotaCode, day, value, null);

    [Fact]
    public async Task Today_without_a_value_keeps_the_latest_stored_day_and_its_date()
    {
        // Friday's run stored the week; Monday's first run recomputes Monday only, before anyone has checked in.
        await WriteAsync(Friday.AddDays(-4), [.. Enumerable.Range(0, 5).Select(i => Value(Codes.AttendancePct, Friday.AddDays(-i), 90 + i))]);
        await WriteAsync(Monday, Value(Codes.AttendancePct, Monday, null), Value(Codes.Headcount, Monday, 7000));

        var attendance = await SnapshotAsync(Codes.AttendancePct);
        Assert.Equal(90, attendance.Value);
        Assert.Equal(Friday, attendance.AsOf);
        var headcount = await SnapshotAsync(Codes.Headcount);
        Assert.Equal((7000, Monday), (headcount.Value, headcount.AsOf));
    }

    [Fact]
    public async Task Today_without_a_value_takes_the_latest_day_of_the_same_computation()
    {
        await WriteAsync(Friday, Value(Codes.AttendancePct, Friday, 93.5), Value(Codes.AttendancePct, Monday, null));

        var attendance = await SnapshotAsync(Codes.AttendancePct);
        Assert.Equal((93.5, Friday), (attendance.Value, attendance.AsOf));
    }

    [Fact]
    public async Task A_day_that_repeats_an_earlier_one_names_the_day_it_repeats()
    {
        await WriteAsync(Monday, new ComputedValue(Codes.AttendancePct, ScopeKind.Kota, ReferenceData.KotaCode, Monday, 94, null, Friday));

        var attendance = await SnapshotAsync(Codes.AttendancePct);
        Assert.Equal((94, Friday), (attendance.Value, attendance.AsOf));
    }

    [Fact]
    public async Task Nothing_before_within_the_lookback_leaves_today_empty()
    {
        await WriteAsync(Monday.AddDays(-IndicatorWriter.CarryLookbackDays - 1), Value(Codes.AttendancePct, Monday.AddDays(-IndicatorWriter.CarryLookbackDays - 1), 80));
        await WriteAsync(Monday, Value(Codes.AttendancePct, Monday, null));

        var attendance = await SnapshotAsync(Codes.AttendancePct);
        Assert.Null(attendance.Value);
        Assert.Equal(Monday, attendance.AsOf);
    }

    [Fact]
    public async Task A_scope_the_recomputation_leaves_out_loses_its_replaced_days_and_keeps_the_earlier_ones()
    {
        // A kecamatan had values from Wednesday to Friday but none today, so the snapshot does not name it; the
        // recomputation from Thursday computes the city only (the scope's records went away, say).
        var kecamatan = ReferenceData.Kecamatan[0].Code;
        ComputedValue Kecamatan(DateOnly day, double value) => new(Codes.AttendancePct, ScopeKind.Kecamatan, kecamatan, day, value, null);
        await WriteAsync(Friday.AddDays(-2),
            Value(Codes.AttendancePct, Friday.AddDays(-2), 90), Value(Codes.AttendancePct, Friday.AddDays(-1), 91), Value(Codes.AttendancePct, Friday, 92),
            Kecamatan(Friday.AddDays(-2), 80), Kecamatan(Friday.AddDays(-1), 81), Kecamatan(Friday, 82));
        await WriteAsync(Friday.AddDays(-1), Value(Codes.AttendancePct, Friday.AddDays(-1), 93), Value(Codes.AttendancePct, Friday, 94));

        await using var db = _db.CreateDbContext();
        var stored = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorCode == Codes.AttendancePct)
            .Select(v => new { v.ScopeCode, v.Date, v.Value }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([80.0], stored.Where(v => v.ScopeCode == kecamatan).Select(v => v.Value!.Value));
        Assert.Equal([90.0, 93.0, 94.0], stored.Where(v => v.ScopeCode == ReferenceData.KotaCode).OrderBy(v => v.Date).Select(v => v.Value!.Value));
    }

    [Fact]
    public void Staffing_carries_the_last_working_day_into_monday_before_the_first_check_in()
    {
        var employees = new[]
        {
            new StaffingKpis.EmployeeFacts("n1", "DISHUB", "fungsional", "aktif", new DateOnly(2040, 1, 1), DateTimeOffset.UnixEpoch),
            new StaffingKpis.EmployeeFacts("n2", "DISHUB", "fungsional", "aktif", new DateOnly(2040, 1, 1), DateTimeOffset.UnixEpoch),
        };
        var attendance = new[]
        {
            new StaffingKpis.AttendanceFacts("n1", Friday, "hadir"),
            new StaffingKpis.AttendanceFacts("n2", Friday, "tanpa_keterangan"),
        };

        var values = StaffingKpis.Compute(employees, attendance, [], Friday, Monday);

        ComputedValue At(DateOnly day) => values.Single(v => v.Code == Codes.AttendancePct && v.Scope == ReferenceData.KotaCode && v.Date == day);
        Assert.Equal((50.0, (DateOnly?)null), (At(Friday).Value, At(Friday).AsOf));
        // Saturday, Sunday and Monday morning (no check-in yet) repeat Friday, and say so.
        Assert.All(new[] { Friday.AddDays(1), Friday.AddDays(2), Monday }, day => Assert.Equal((50.0, (DateOnly?)Friday), (At(day).Value, At(day).AsOf)));
    }
}
