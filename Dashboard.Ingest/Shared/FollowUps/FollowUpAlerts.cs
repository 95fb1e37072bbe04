using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.FollowUps;

/// <summary>The alert condition of an overdue follow-up: one per follow-up, owned by its agency (so its head sees it); it resolves when done.</summary>
public static class FollowUpAlerts
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string OverdueKey(long followUpId) => "followup-overdue:" + followUpId.ToString(CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<AlertCondition>> OverdueAsync(ReportingDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.Status != FollowUpStatus.Done && f.DueDate < today)
            .OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Opd, f.DueDate, f.Expected, f.IndicatorCodes })
            .ToListAsync(ct);
        return [.. overdue.Select(f =>
        {
            var days = today.DayNumber - f.DueDate.DayNumber;
            var what = f.Expected.Length > 120 ? f.Expected[..120] + "…" : f.Expected;
            return new AlertCondition(
                OverdueKey(f.Id), AlertKind.FollowUpOverdue, FollowUpsIndicators.Source,
                f.IndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), f.Opd,
                $"Tindak lanjut #{f.Id} ({f.Opd}) lewat tenggat {f.DueDate.ToString("d MMM yyyy", Id)} ({days} hari): {what}",
                $"Follow-up #{f.Id} ({f.Opd}) is {days} days past its due date {f.DueDate.ToString("d MMM yyyy", En)}: {what}");
        })];
    }
}
