using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>A condition that holds now; <see cref="Key"/> identifies it across evaluations.</summary>
public sealed record AlertCondition(
    string Key, AlertKind Kind, string Source, string? IndicatorCode, string? OwnerOpd, string Summary, string SummaryEn);

/// <summary>
/// A source's own alert condition, evaluated with the shared ones (registered by the source beside its indicators). Its
/// conditions carry <see cref="AlertKind.SourceRule"/> and the OPD whose head must see them.
/// </summary>
public interface IAlertRule
{
    /// <summary>The source the rule belongs to: a switched-off source raises nothing.</summary>
    string Source { get; }

    Task<IReadOnlyList<AlertCondition>> EvaluateAsync(ReportingDbContext db, DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// Reads which alert conditions hold at <c>now</c> from the reporting database alone (so every node agrees): sources that
/// failed their last N runs, sources whose data is older than an indicator's freshness limit, and indicators whose
/// city-wide value is off track against the target that applies today.
/// </summary>
public static class AlertConditions
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string FailingKey(string source) => "source-failing:" + source;

    public static string StaleKey(string source) => "stale:" + source;

    public static string OffTargetKey(string indicatorCode) => "off-target:" + indicatorCode;

    /// <param name="isEnabled">Whether a source is switched on; a switched-off source raises nothing.</param>
    public static async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(
        ReportingDbContext db, DateTimeOffset now, int failedRuns, Func<string, bool> isEnabled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(isEnabled);
        var conditions = new List<AlertCondition>();
        var definitions = (await db.Indicators.AsNoTracking().ToListAsync(ct)).Where(d => isEnabled(d.Source)).ToList();
        var states = await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.Source, ct);

        foreach (var state in states.Values.Where(s => isEnabled(s.Source) && s.ConsecutiveFailures >= failedRuns).OrderBy(s => s.Source))
        {
            var error = await db.IngestRuns.AsNoTracking()
                .Where(r => r.Id == state.LastRunId)
                .Select(r => r.Error)
                .SingleOrDefaultAsync(ct);
            conditions.Add(new AlertCondition(
                FailingKey(state.Source), AlertKind.SourceFailing, state.Source, null, null,
                $"Gagal {state.ConsecutiveFailures} kali berturut-turut. Terakhir: {error ?? "—"}",
                $"Failed {state.ConsecutiveFailures} runs in a row. Last: {error ?? "—"}"));
        }

        foreach (var group in definitions.GroupBy(d => d.Source).OrderBy(g => g.Key))
        {
            if (!states.TryGetValue(group.Key, out var state))
            {
                continue; // never attempted: nothing to be late against yet
            }
            var since = state.LastSuccessAt ?? await db.IngestRuns.AsNoTracking()
                .Where(r => r.Source == group.Key)
                .MinAsync(r => (DateTimeOffset?)r.StartedAt, ct);
            if (since is not { } dataTime)
            {
                continue;
            }
            var age = now - dataTime;
            var late = group.Where(d => d.FreshnessMinutes > 0 && age > TimeSpan.FromMinutes(d.FreshnessMinutes)).ToList();
            if (late.Count == 0)
            {
                continue;
            }
            var limit = late.Min(d => d.FreshnessMinutes);
            var ageText = Minutes(age);
            conditions.Add(new AlertCondition(
                StaleKey(group.Key), AlertKind.DataStale, group.Key, null, null,
                state.LastSuccessAt is null
                    ? $"Data belum pernah berhasil dimuat ({ageText} menit); {late.Count} indikator melewati batas kesegaran (terketat {limit} menit)."
                    : $"Data berumur {ageText} menit; {late.Count} indikator melewati batas kesegaran (terketat {limit} menit).",
                state.LastSuccessAt is null
                    ? $"Data has never loaded ({ageText} min); {late.Count} indicators are past their freshness limit (strictest {limit} min)."
                    : $"Data is {ageText} min old; {late.Count} indicators are past their freshness limit (strictest {limit} min)."));
        }

        var targeted = definitions.Where(d => d.Direction != IndicatorDirection.Neutral).ToList();
        var codes = targeted.Select(d => d.Code).ToList();
        var today = Wib.DateOf(now);
        var targets = await CurrentTargets.LoadAsync(db, codes, today, ct);
        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.ScopeCode == ReferenceData.KotaCode && codes.Contains(s.IndicatorCode))
            .ToDictionaryAsync(s => s.IndicatorCode, ct);
        foreach (var d in targeted.OrderBy(d => d.DisplayOrder).ThenBy(d => d.Code))
        {
            snapshots.TryGetValue(d.Code, out var snapshot);
            targets.TryGetValue(d.Code, out var target);
            if (IndicatorStatusEvaluator.Evaluate(snapshot?.Value, target?.Value, d.Direction, d.Tolerance, target?.Floor) != IndicatorStatus.OffTrack)
            {
                continue;
            }
            conditions.Add(new AlertCondition(
                OffTargetKey(d.Code), AlertKind.OffTarget, d.Source, d.Code, d.OwnerOpd,
                $"{d.NameId}: {Format(snapshot!.Value!.Value, d.Unit, Id)}, di luar target {Format(target!.Value, d.Unit, Id)}.",
                $"{d.NameEn}: {Format(snapshot.Value.Value, d.Unit, En)}, off target {Format(target.Value, d.Unit, En)}."));
        }
        conditions.AddRange(await FollowUps.FollowUpAlerts.OverdueAsync(db, today, ct));
        return conditions;
    }

    private static string Minutes(TimeSpan age) => ((long)age.TotalMinutes).ToString("N0", Id);

    private static string Format(double value, IndicatorUnit unit, CultureInfo culture) => unit switch
    {
        IndicatorUnit.Percent => value.ToString("0.#", culture) + " %",
        IndicatorUnit.Rupiah => "Rp " + value.ToString("N0", culture),
        IndicatorUnit.Count => value.ToString("N0", culture),
        _ => value.ToString("0.##", culture),
    };
}
