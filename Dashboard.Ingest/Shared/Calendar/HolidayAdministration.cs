using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Calendar;

/// <summary>Actions of <see cref="HolidayAdministration"/> in the audit log.</summary>
public static class HolidayAuditActions
{
    public const string Added = "calendar.holiday.added";
    public const string Changed = "calendar.holiday.changed";
    public const string Withdrawn = "calendar.holiday.withdrawn";
}

/// <summary>
/// Administrators' changes to the working calendar. Each change and its audit entry (before and after) are saved in one
/// transaction; a withdrawn day is retired, never deleted. Indicators that count working days follow from their next
/// computation (each source's next run recomputes at least today). Who may call this is the caller's check (Administer).
/// </summary>
public sealed class HolidayAdministration(IDbContextFactory<ReportingDbContext> dbFactory, WorkingCalendars calendars, TimeProvider time)
{
    public async Task<Holiday> AddAsync(DateOnly date, HolidayKind kind, string nameId, string nameEn, string user, string reason, CancellationToken ct)
    {
        Validate(nameId, nameEn, reason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Holiday>().AnyAsync(h => h.Date == date && h.RetiredAt == null, ct))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is already a day off."));
        }
        var now = time.GetUtcNow();
        var holiday = new Holiday
        {
            Date = date, Kind = kind, NameId = nameId.Trim(), NameEn = nameEn.Trim(), SetBy = Bound(user), SetAt = now,
        };
        db.Add(holiday);
        SourceControl.Record(db, now, user, HolidayAuditActions.Added, Target(date), reason.Trim(), null, Text(holiday));
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return holiday;
    }

    public async Task<bool> ChangeAsync(int id, HolidayKind kind, string nameId, string nameEn, string user, string reason, CancellationToken ct)
    {
        Validate(nameId, nameEn, reason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holiday = await db.Set<Holiday>().FirstOrDefaultAsync(h => h.Id == id && h.RetiredAt == null, ct);
        if (holiday is null)
        {
            return false;
        }
        var before = Text(holiday);
        holiday.Kind = kind;
        holiday.NameId = nameId.Trim();
        holiday.NameEn = nameEn.Trim();
        var after = Text(holiday);
        if (before == after)
        {
            return false;
        }
        var now = time.GetUtcNow();
        holiday.SetBy = Bound(user);
        holiday.SetAt = now;
        SourceControl.Record(db, now, user, HolidayAuditActions.Changed, Target(holiday.Date), reason.Trim(), before, after);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return true;
    }

    public async Task<bool> WithdrawAsync(int id, string user, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holiday = await db.Set<Holiday>().FirstOrDefaultAsync(h => h.Id == id && h.RetiredAt == null, ct);
        if (holiday is null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        holiday.RetiredAt = now;
        holiday.RetiredBy = Bound(user);
        SourceControl.Record(db, now, user, HolidayAuditActions.Withdrawn, Target(holiday.Date), reason.Trim(), Text(holiday), null);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return true;
    }

    private static void Validate(string nameId, string nameEn, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameId);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (nameId.Trim().Length > 120 || nameEn.Trim().Length > 120)
        {
            throw new ArgumentException("A holiday's name has at most 120 characters.", nameof(nameId));
        }
    }

    private static string Target(DateOnly date) => date.ToString("'hari-libur:'yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(Holiday h) => string.Create(CultureInfo.InvariantCulture,
        $"{h.Date:yyyy-MM-dd} {(h.Kind == HolidayKind.CutiBersama ? "cuti bersama" : "libur nasional")}: {h.NameId} / {h.NameEn}");

    private static string Bound(string user) => user.Length > 128 ? user[..128] : user;
}
