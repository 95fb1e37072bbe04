using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Calendar;

/// <summary>
/// The working calendar as the <see cref="Holiday"/> table holds it. Indicator computations take a snapshot from the
/// context they compute in (<see cref="LoadAsync"/>); pages ask the singleton (<see cref="CurrentAsync"/>), which keeps
/// its snapshot for a minute, or until an administrator's edit on this node (<see cref="Invalidate"/>), so another node
/// follows an edit within a minute.
/// </summary>
public sealed class WorkingCalendars(IDbContextFactory<ReportingDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (WorkingCalendar Calendar, DateTimeOffset At)? _cached;

    public static async Task<WorkingCalendar> LoadAsync(ReportingDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.Set<Holiday>().AsNoTracking().Where(h => h.RetiredAt == null).Select(h => h.Date).ToListAsync(ct);
        return new WorkingCalendar(days);
    }

    /// <summary>Month from which next year's list is expected: the SKB 3 Menteri is usually signed in September or October.</summary>
    public const int NextYearExpectedFromMonth = 10;

    /// <summary>
    /// The year whose days off nobody has entered yet and which the SLAs already need (or soon will): the current year
    /// when it has none, else next year from <see cref="NextYearExpectedFromMonth"/> on; null when both are covered.
    /// Without the list, SLA clocks of that year count national holidays and cuti bersama as working days.
    /// </summary>
    public static async Task<int?> UncoveredYearAsync(ReportingDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = new DateOnly(today.Year, 1, 1);
        var last = new DateOnly(today.Year + 1, 12, 31);
        var years = await db.Set<Holiday>().AsNoTracking()
            .Where(h => h.RetiredAt == null && h.Date >= first && h.Date <= last)
            .Select(h => h.Date.Year).Distinct().ToListAsync(ct);
        if (!years.Contains(today.Year))
        {
            return today.Year;
        }
        return today.Month >= NextYearExpectedFromMonth && !years.Contains(today.Year + 1) ? today.Year + 1 : null;
    }

    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cached is { } c && now - c.At < Lifetime)
        {
            return c.Calendar;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await LoadAsync(db, ct);
        _cached = (calendar, now);
        return calendar;
    }

    public void Invalidate() => _cached = null;
}
