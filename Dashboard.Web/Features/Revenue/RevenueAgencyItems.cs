using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Web.Shared.Domains;
using Dashboard.Web.Shared.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Revenue;

/// <summary>The retribution streams one agency collects (parking for DISHUB…): this year's target, realised so far, share.</summary>
public sealed class RevenueAgencyItems(IDbContextFactory<ReportingDbContext> factory, DashboardFormatter format) : IAgencyItems
{
    public async Task<IReadOnlyList<AgencyItemList>> LoadAsync(string opd, DateTimeOffset now, CancellationToken ct)
    {
        var streams = RevenuePayload.RetributionAgency.Where(x => x.Value == opd).Select(x => x.Key).ToList();
        if (streams.Count == 0)
        {
            return [];
        }
        var today = Wib.DateOf(now);
        var jan1 = new DateOnly(today.Year, 1, 1);
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await db.Set<RevenueTarget>().AsNoTracking()
            .Where(t => t.Year == today.Year && streams.Contains(t.RevenueCode))
            .Select(t => new { t.RevenueCode, t.Name, t.Target, t.RevisedAt })
            .ToListAsync(ct);
        var payments = await db.Set<RevenuePayment>().AsNoTracking()
            .Where(p => streams.Contains(p.RevenueCode) && p.PaidDate >= jan1 && p.PaidDate <= today)
            .Select(p => new { p.RevenueCode, p.Status, p.Amount })
            .ToListAsync(ct);
        var rows = streams.Select(code =>
        {
            var target = targets.Where(t => t.RevenueCode == code).OrderByDescending(t => t.RevisedAt).FirstOrDefault();
            var realised = payments.Where(p => p.RevenueCode == code).Sum(p => RevenuePayload.NetAmount(p.Status, p.Amount));
            return (IReadOnlyList<string>)
            [
                target?.Name ?? code,
                target is null ? "—" : format.Rupiah(target.Target),
                format.Rupiah(realised),
                target is { Target: > 0 } t ? format.Percent(Math.Round(realised * 100.0 / t.Target, 1)) : "—",
            ];
        }).ToList();
        return
        [
            new AgencyItemList
            {
                Id = "retribusi",
                TitleKey = "home.revenue.title",
                ColumnKeys = ["home.revenue.stream", "home.revenue.target", "home.revenue.realised", "home.revenue.share"],
                NumericColumns = new HashSet<int> { 1, 2, 3 },
                Rows = rows,
                Total = rows.Count,
                EmptyKey = "home.revenue.none",
            },
        ];
    }
}
