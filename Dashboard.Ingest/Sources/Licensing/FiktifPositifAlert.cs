using System.Globalization;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>
/// The fiktif-positif alert (PP 28/2025): a file in a stage the city owns (diajukan, verifikasi, pertimbangan teknis)
/// within one working day of its SLA (today is its last working day, or the next working day is) raises one alert for
/// the licensing agency's head, naming how many files and the first of them. A file already past its SLA is in the
/// backlog (#60): the alert is for what can still be saved.
/// </summary>
public sealed class FiktifPositifAlert : IAlertRule
{
    public const string Key = "fiktif-positif:" + LicensingIndicators.Source;

    /// <summary>File ids the summary names; the rest are counted.</summary>
    private const int Named = 5;

    public string Source => LicensingIndicators.Source;

    public async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(ReportingDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stages = LicensingPayload.CityStages.ToList();
        var open = await db.Set<PermitApplication>().AsNoTracking()
            .Where(a => stages.Contains(a.Status))
            .Select(a => new LicensingKpis.ApplicationFacts(a.Id, a.PermitType, a.Channel, a.KelurahanCode, a.KecamatanCode, a.Status,
                a.History, a.SubmittedAt, a.IssuedAt, a.RetributionAmount, a.PaidAt))
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }
        var types = await db.Set<PermitType>().AsNoTracking()
            .Select(t => new LicensingKpis.PermitTypeFacts(t.Id, t.Channel, t.SlaDays, t.TechnicalAgencyCode, t.Retribution))
            .ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, ct);
        var due = AtRisk(open, types, calendar, now);
        if (due.Count == 0)
        {
            return [];
        }
        var names = string.Join(", ", due.Take(Named).Select(d => d.Id));
        var more = due.Count > Named ? string.Create(CultureInfo.InvariantCulture, $" (+{due.Count - Named})") : "";
        return
        [
            new AlertCondition(Key, AlertKind.SourceRule, Source, LicensingIndicators.Codes.Overdue, LicensingIndicators.OwnerOpd,
                string.Create(CultureInfo.InvariantCulture,
                    $"{due.Count} berkas izin tinggal ≤ 1 hari kerja sebelum SLA di tahap Pemkot (risiko fiktif positif): {names}{more}."),
                string.Create(CultureInfo.InvariantCulture,
                    $"{due.Count} permit files are within one working day of their SLA at a city stage (fiktif-positif risk): {names}{more}.")),
        ];
    }

    /// <summary>
    /// The files at a city stage whose SLA ends today or on the next working day, most urgent first (then oldest).
    /// <paramref name="now"/>'s day counts as elapsed when it is a working day.
    /// </summary>
    public static List<(string Id, int Remaining)> AtRisk(
        IEnumerable<LicensingKpis.ApplicationFacts> files, IReadOnlyDictionary<string, LicensingKpis.PermitTypeFacts> types,
        WorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(calendar);
        var result = new List<(string Id, int Remaining, DateTimeOffset Submitted)>();
        foreach (var file in files.Where(f => LicensingPayload.CityStages.Contains(f.Status)))
        {
            var sla = LicensingKpis.SlaOf(types, file.PermitType);
            var clock = LicensingKpis.Clock(file, sla, calendar, now);
            var remaining = sla - clock.Elapsed;
            if (remaining is 0 or 1)
            {
                result.Add((file.Id, remaining, file.SubmittedAt));
            }
        }
        return [.. result.OrderBy(r => r.Remaining).ThenBy(r => r.Submitted).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Remaining))];
    }
}
