using System.Globalization;
using System.Text;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Letters.LettersIndicators.Codes;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>
/// Letter indicators #44–#45 (docs/DOMAIN.md §10) per WIB day for the kota, each kecamatan and each kelurahan.
/// Definitions are in <see cref="LettersIndicators"/>; the service standard is <see cref="LettersPayload.StandardDays"/>.
/// One pass over the letters into per-scope day arrays, then prefix sums for the 30-day window: a year of
/// history for 63 scopes in well under a second.
/// </summary>
public sealed class LettersKpis : ISourceKpis
{
    private const int Window = LettersIndicators.StandardWindowDays;
    private const int MaxDeadlineCalendarDays = 20;

    public IReadOnlyList<string> IndicatorCodes { get; } = [Codes.Requests, Codes.WithinStandardPct];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var letters = db.Set<LetterRequest>().AsNoTracking();
        var earliest = await letters.OrderBy(l => l.RequestedAt).Select(l => (DateTimeOffset?)l.RequestedAt).FirstOrDefaultAsync(ct);
        var first = earliest is { } e ? Wib.DateOf(e) : today;
        if (from < first)
        {
            from = first;
        }
        if (from > today)
        {
            from = today;
        }
        // Only letters whose request day or deadline day can fall in the arrays: a deadline is at most three working
        // days after the request (under three weeks of calendar days even across the Lebaran holidays).
        var since = Wib.StartOf(from.AddDays(1 - Window - MaxDeadlineCalendarDays));
        var rows = await letters
            .Where(l => l.RequestedAt >= since)
            .Select(l => new LetterFacts(l.KelurahanCode, l.KecamatanCode, l.LetterType, l.Status, l.RequestedAt, l.CompletedAt))
            .ToListAsync(ct);
        var values = Compute(rows, from, today, await WorkingCalendars.LoadAsync(db, ct));
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    /// <summary>The letter fields the indicators read.</summary>
    public sealed record LetterFacts(
        string? KelurahanCode, string? KecamatanCode, string LetterType, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);

    /// <summary>Values per day; working days are those of <paramref name="calendar"/> (weekends only when none is given).</summary>
    public static List<ComputedValue> Compute(IReadOnlyList<LetterFacts> rows, DateOnly from, DateOnly today, WorkingCalendar? calendar = null)
    {
        calendar ??= WorkingCalendar.WeekendsOnly;
        ArgumentNullException.ThrowIfNull(rows);
        // Days from the window before `from` are needed for the rolling share, so the arrays start earlier.
        var origin = from.AddDays(1 - Window);
        var days = today.DayNumber - origin.DayNumber + 1;
        if (days <= 0)
        {
            return [];
        }

        // Known types in contract order, then any unknown ones in ordinal order (they appear in the label too).
        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in LettersPayload.TypeOrder)
        {
            typeIndex[t] = typeIndex.Count;
        }
        foreach (var t in rows.Select(r => r.LetterType).Where(t => !LettersPayload.Types.Contains(t)).Distinct().Order(StringComparer.Ordinal))
        {
            typeIndex[t] = typeIndex.Count;
        }
        var typeNames = typeIndex.OrderBy(p => p.Value).Select(p => p.Key).ToArray();

        var scopes = new Dictionary<string, Scope>(StringComparer.Ordinal);
        foreach (var region in ReferenceData.Regions)
        {
            var kind = region.Level switch
            {
                RegionLevel.Kota => ScopeKind.Kota,
                RegionLevel.Kecamatan => ScopeKind.Kecamatan,
                _ => ScopeKind.Kelurahan,
            };
            scopes[region.Code] = new Scope(kind, region.Code, days, typeNames.Length);
        }

        var kota = scopes[ReferenceData.KotaCode];
        foreach (var r in rows)
        {
            var requested = Wib.DateOf(r.RequestedAt).DayNumber - origin.DayNumber;
            var type = typeIndex[r.LetterType];
            var deadlineDay = -1;
            var inTime = false;
            if (r.Status != LettersPayload.Rejected)
            {
                var deadline = LettersPayload.Deadline(r.LetterType, r.RequestedAt, calendar);
                deadlineDay = Wib.DateOf(deadline).DayNumber - origin.DayNumber;
                inTime = r.Status == LettersPayload.Completed && r.CompletedAt is { } c && c <= deadline;
            }
            kota.Add(requested, type, deadlineDay, inTime);
            if (r.KecamatanCode is not null && scopes.TryGetValue(r.KecamatanCode, out var kecamatan))
            {
                kecamatan.Add(requested, type, deadlineDay, inTime);
            }
            if (r.KelurahanCode is not null && scopes.TryGetValue(r.KelurahanCode, out var kelurahan))
            {
                kelurahan.Add(requested, type, deadlineDay, inTime);
            }
        }

        var fromIndex = from.DayNumber - origin.DayNumber;
        var values = new List<ComputedValue>(scopes.Count * 2 * (days - fromIndex));
        foreach (var scope in scopes.Values)
        {
            scope.Emit(origin, fromIndex, typeNames, values);
        }
        return values;
    }

    /// <summary>The #44 label: non-zero counts per type, e.g. <c>domisili 12 · SKTM 3 · SKCK 1</c>.</summary>
    public static string? Breakdown(IReadOnlyList<string> typeNames, ReadOnlySpan<int> counts)
    {
        ArgumentNullException.ThrowIfNull(typeNames);
        var text = new StringBuilder();
        for (var t = 0; t < counts.Length; t++)
        {
            if (counts[t] == 0)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(" · ");
            }
            text.Append(LettersPayload.ShortName(typeNames[t])).Append(' ').Append(counts[t].ToString(CultureInfo.InvariantCulture));
        }
        if (text.Length == 0)
        {
            return null;
        }
        // The label column holds 120 characters; only unknown types from a newer source could push past it.
        return text.Length <= 120 ? text.ToString() : text.ToString(0, 119) + "…";
    }

    private sealed class Scope(ScopeKind kind, string code, int days, int types)
    {
        private readonly int[] _requested = new int[days];
        private readonly int[] _byType = new int[days * types];
        private readonly int[] _due = new int[days];
        private readonly int[] _inTime = new int[days];

        public void Add(int requested, int type, int deadlineDay, bool inTime)
        {
            if (requested >= 0 && requested < days)
            {
                _requested[requested]++;
                _byType[(requested * types) + type]++;
            }
            if (deadlineDay >= 0 && deadlineDay < days)
            {
                _due[deadlineDay]++;
                if (inTime)
                {
                    _inTime[deadlineDay]++;
                }
            }
        }

        public void Emit(DateOnly origin, int fromIndex, string[] typeNames, List<ComputedValue> output)
        {
            int due = 0, inTime = 0;
            for (var d = 0; d < days; d++)
            {
                due += _due[d];
                inTime += _inTime[d];
                if (d >= Window)
                {
                    due -= _due[d - Window];
                    inTime -= _inTime[d - Window];
                }
                if (d < fromIndex)
                {
                    continue;
                }
                var date = origin.AddDays(d);
                var label = Breakdown(typeNames, _byType.AsSpan(d * types, types));
                output.Add(new ComputedValue(Codes.Requests, kind, code, date, _requested[d], label));
                output.Add(new ComputedValue(Codes.WithinStandardPct, kind, code, date,
                    due == 0 ? null : Math.Round(inTime * 100.0 / due, 1), null));
            }
        }
    }
}
