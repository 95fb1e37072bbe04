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
