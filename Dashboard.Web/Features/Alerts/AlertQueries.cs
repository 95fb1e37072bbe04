using System.Globalization;
using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Alerts;

/// <summary>An alert as screens show it.</summary>
public sealed record AlertRow(
    long Id, string Key, AlertKind Kind, AlertState State, string Source, string? IndicatorCode, string? OwnerOpd,
    string Summary, string SummaryEn, DateTimeOffset FiredAt, DateTimeOffset LastSeenAt, int Reopened,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgeNote, DateTimeOffset? ResolvedAt, string? NotifyError)
{
    /// <summary>The summary in the current UI language.</summary>
    public string Text => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? SummaryEn : Summary;
}

/// <summary>Which filter of the alert list: open (firing or acknowledged), resolved, or all.</summary>
public enum AlertFilter { Open = 0, Resolved = 1, All = 2 }

public sealed class AlertQueries(IDbContextFactory<ReportingDbContext> dbFactory)
{
    /// <summary>Open alerts first (firing before acknowledged, newest first), then resolved ones, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<AlertRow>> ListAsync(AlertFilter filter, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Alert>().AsNoTracking();
        query = filter switch
        {
            AlertFilter.Open => query.Where(a => a.State != AlertState.Resolved),
            AlertFilter.Resolved => query.Where(a => a.State == AlertState.Resolved),
            _ => query,
        };
        var rows = await query
            .OrderBy(a => a.State)
            .ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new AlertRow(a.Id, a.Key, a.Kind, a.State, a.Source, a.IndicatorCode, a.OwnerOpd, a.Summary, a.SummaryEn,
                a.FiredAt, a.LastSeenAt, a.Reopened, a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgeNote, a.ResolvedAt, a.NotifyError))
            .ToListAsync(ct);
        return rows;
    }
}

/// <summary>
/// Who an alert concerns: administrators all of them; operators the data-flow ones (failing source, late data); leadership
/// late data and indicators off target; an agency head the indicators of their own OPD that are off target.
/// </summary>
public static class AlertAudience
{
    public static bool Concerns(ClaimsPrincipal user, AlertRow alert)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(alert);
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }
        return alert.Kind switch
        {
            AlertKind.SourceFailing => user.IsInRole(Roles.Operator),
            AlertKind.DataStale => user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Pimpinan),
            AlertKind.OffTarget or AlertKind.SourceRule => user.IsInRole(Roles.Pimpinan)
                || (user.IsInRole(Roles.KepalaOpd) && alert.OwnerOpd is { } opd
                    && user.FindAll(AuthExtensions.OpdClaim).Any(c => string.Equals(c.Value, opd, StringComparison.OrdinalIgnoreCase))),
            AlertKind.FollowUpOverdue => user.IsInRole(Roles.Pimpinan)
                || (user.IsInRole(Roles.KepalaOpd) && alert.OwnerOpd is { } owner
                    && user.FindAll(AuthExtensions.OpdClaim).Any(c => string.Equals(c.Value, owner, StringComparison.OrdinalIgnoreCase))),
            _ => false,
        };
    }
}
