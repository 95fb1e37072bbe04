using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Shared.Domains;
using Dashboard.Web.Shared.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Complaints;

/// <summary>
/// The complaints disposed to one agency, for its head's home: received in the last 30 days, open now, open past the
/// 5-working-day service rule, and the overdue ones oldest first (id, category, kelurahan, age; no reporter, no text).
/// </summary>
public sealed class ComplaintsAgencyItems(IDbContextFactory<ReportingDbContext> factory, DashboardFormatter format) : IAgencyItems
{
    /// <summary>Overdue complaints listed on the home; the count says how many there are in all.</summary>
    public const int Shown = 8;

    public async Task<IReadOnlyList<AgencyItemList>> LoadAsync(string opd, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-30);
        await using var db = await factory.CreateDbContextAsync(ct);
        var calendar = await WorkingCalendars.LoadAsync(db, ct);
        var received = await db.Set<Complaint>().AsNoTracking().CountAsync(c => c.AgencyCode == opd && c.SubmittedAt >= since, ct);
        var open = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.AgencyCode == opd && c.Status != "selesai" && c.ClosedAt == null)
            .Select(c => new { c.Id, c.Type, c.Category, c.KelurahanCode, c.Status, c.SubmittedAt })
            .ToListAsync(ct);
        var stillOpen = open.Where(c => !ComplaintsPayload.SideExits.Contains(c.Status)).ToList();
        var overdue = stillOpen
            .Where(c => ComplaintsPayload.SlaTypes.Contains(c.Type)
                && calendar.AddWorkingDays(c.SubmittedAt, ComplaintsPayload.SettleWorkingDays) <= now)
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return
        [
            new AgencyItemList
            {
                Id = "aduan-lewat-sla",
                TitleKey = "home.complaints.title",
                Figures =
                [
                    new("home.complaints.received", received, "complaints-received"),
                    new("home.complaints.open", stillOpen.Count, "complaints-open"),
                    new("home.complaints.overdue", overdue.Count, "complaints-overdue"),
                ],
                ColumnKeys = ["home.complaints.id", "home.complaints.category", "home.complaints.kelurahan", "home.complaints.age"],
                NumericColumns = new HashSet<int> { 3 },
                Rows = [.. overdue.Take(Shown).Select(c => (IReadOnlyList<string>)
                [
                    c.Id, c.Category,
                    ReferenceData.Regions.FirstOrDefault(r => r.Code == c.KelurahanCode)?.Name ?? "—",
                    format.Age(now - c.SubmittedAt),
                ])],
                Total = overdue.Count,
                EmptyKey = "home.complaints.none",
            },
        ];
    }
}
