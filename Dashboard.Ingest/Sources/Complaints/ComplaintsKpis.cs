using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>
/// Complaint indicators #1–#10 (docs/DOMAIN.md §10) per day for the kota, each kecamatan, each kelurahan and each
/// OPD. Definitions are in <see cref="IndicatorCatalog"/>; "end of day" is midnight WIB.
/// </summary>
public sealed class ComplaintsKpis : ISourceKpis
{
    private const int Window = 30;
    private const int ClosedWindow = 90;

    public IReadOnlyList<string> IndicatorCodes { get; } =
    [
        Codes.ComplaintsReceived, Codes.AwaitingVerification, Codes.FollowedUpPct, Codes.WithinSlaPct, Codes.Overdue,
        Codes.FirstResponseHours, Codes.ClosedPct, Codes.OpdCompliancePct, Codes.Per10kPopulation, Codes.TopCategory,
    ];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var complaints = db.Set<Complaint>().AsNoTracking();
        var earliest = await complaints.OrderBy(c => c.SubmittedAt).Select(c => (DateTimeOffset?)c.SubmittedAt).FirstOrDefaultAsync(ct);
        var first = earliest is { } e ? Wib.DateOf(e) : today;
        if (from < first)
        {
            from = first;
        }
        if (from > today)
        {
            from = today;
        }
        var calendar = await WorkingCalendars.LoadAsync(db, ct);
        // Only the complaints whose life reaches the recomputed days (both columns indexed): those submitted within the
        // longest window (or early enough for their settling deadline to fall within a window), and those with a time of
        // their own within a window of the range or still open (Complaint.LastEventAt). Any other complaint adds to a
        // day's counts only before the range, so the values are those of a computation over every complaint.
        var submittedSince = Wib.StartOf(from.AddDays(1 - ClosedWindow));
        var deadlineSince = FirstSubmissionDueSince(from.AddDays(1 - Window), calendar);
        if (deadlineSince < submittedSince)
        {
            submittedSince = deadlineSince;
        }
        var eventSince = Wib.StartOf(from.AddDays(1 - Window));
        var rows = await complaints
            .Where(c => c.SubmittedAt >= submittedSince || c.LastEventAt == null || c.LastEventAt >= eventSince)
            .Select(c => new ComplaintFacts(c.Type, c.Category, c.AgencyCode, c.KelurahanCode, c.KecamatanCode, c.Status,
                c.SubmittedAt, c.VerifiedAt, c.FirstResponseAt, c.ClosedAt))
            .ToListAsync(ct);
        var values = Compute(rows, from, today, now, calendar);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    /// <summary>
    /// The start of the earliest day whose submissions have their settling deadline on <paramref name="day"/> or later: a
    /// deadline never moves back when the submission does, so nothing submitted earlier falls due from that day on.
    /// </summary>
    public static DateTimeOffset FirstSubmissionDueSince(DateOnly day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var since = Wib.StartOf(day);
        var candidate = day;
        // A deadline is a few working days ahead: a year of days off in a row would be a calendar no one keeps.
        for (var i = 0; i < 366; i++)
        {
            var start = Wib.StartOf(candidate);
            if (calendar.AddWorkingDays(start, ComplaintsPayload.SettleWorkingDays) < since)
            {
                return start;
            }
            candidate = candidate.AddDays(-1);
        }
        return Wib.StartOf(new DateOnly(1900, 1, 1));
    }

    /// <summary>The complaint fields the indicators read.</summary>
    public sealed record ComplaintFacts(
        string Type, string Category, string AgencyCode, string? KelurahanCode, string? KecamatanCode, string Status,
        DateTimeOffset SubmittedAt, DateTimeOffset? VerifiedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ClosedAt);

    /// <summary>
    /// Values per day from <paramref name="from"/> to <paramref name="today"/>: the state at the end of each past day,
    /// and for today the state at <paramref name="now"/> (a deadline later today is not missed yet). Without
    /// <paramref name="now"/> today is also taken at its end. Working days are those of <paramref name="calendar"/> (the
    /// holiday table's snapshot; weekends only when none is given).
    /// </summary>
    public static List<ComputedValue> Compute(
        IReadOnlyList<ComplaintFacts> rows, DateOnly from, DateOnly today, DateTimeOffset? now = null, WorkingCalendar? calendar = null)
    {
        calendar ??= WorkingCalendar.WeekendsOnly;
        ArgumentNullException.ThrowIfNull(rows);
        var origin = rows.Count == 0 ? from : Min(from, Wib.DateOf(rows.Min(r => r.SubmittedAt)));
        var days = today.DayNumber - origin.DayNumber + 1;
        var facts = rows.Select(r => Prepare(r, origin, days, now, calendar)).ToArray();

        var scopes = new Dictionary<string, Scope>(StringComparer.Ordinal);
        foreach (var region in ReferenceData.Regions)
        {
            var kind = region.Level switch
            {
                RegionLevel.Kota => ScopeKind.Kota,
                RegionLevel.Kecamatan => ScopeKind.Kecamatan,
                _ => ScopeKind.Kelurahan,
            };
            scopes[region.Code] = new Scope(kind, region.Code, region.Population, days);
        }
        foreach (var agency in ReferenceData.Agencies)
        {
            scopes[agency.Code] = new Scope(ScopeKind.Opd, agency.Code, 0, days);
        }

        for (var i = 0; i < facts.Length; i++)
        {
            var f = facts[i];
            foreach (var key in new[] { ReferenceData.KotaCode, f.Source.KecamatanCode, f.Source.KelurahanCode, f.Source.AgencyCode })
            {
                if (key is not null && scopes.TryGetValue(key, out var scope))
                {
                    scope.Add(i, f);
                }
            }
        }

        var values = new List<ComputedValue>(scopes.Count * IndicatorCount * (today.DayNumber - from.DayNumber + 1));
        var fromIndex = from.DayNumber - origin.DayNumber;
        foreach (var scope in scopes.Values)
        {
            scope.Emit(facts, origin, fromIndex, values);
        }
        return values;
    }

    private const int IndicatorCount = 10;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record Fact(
        ComplaintFacts Source, int Submitted, int Verified, int FirstResponse, int Closed, int Deadline,
        bool SideExit, bool Sla, bool SettledInTime, bool Selesai, double ResponseHours);

    private static Fact Prepare(ComplaintFacts r, DateOnly origin, int days, DateTimeOffset? now, WorkingCalendar calendar)
    {
        int Day(DateTimeOffset? t) => t is { } v ? Math.Clamp(Wib.DateOf(v).DayNumber - origin.DayNumber, 0, days) : int.MaxValue;
        var sla = ComplaintsPayload.SlaTypes.Contains(r.Type);
        var sideExit = ComplaintsPayload.SideExits.Contains(r.Status);
        var deadline = calendar.AddWorkingDays(r.SubmittedAt, ComplaintsPayload.SettleWorkingDays);
        return new Fact(
            r,
            Day(r.SubmittedAt),
            Day(r.VerifiedAt),
            Day(r.FirstResponseAt),
            Day(r.ClosedAt),
            // A deadline still ahead of now has not been reached on any computed day (it can only fall later today).
            sla && !sideExit && (now is null || deadline <= now) ? Day(deadline) : int.MaxValue,
            sideExit,
            sla,
            r.ClosedAt is { } c && c <= deadline,
            r.Status == "selesai" && r.ClosedAt is not null,
            r.FirstResponseAt is { } f ? calendar.WorkingHoursBetween(r.SubmittedAt, f) : double.NaN);
    }

    private sealed class Scope(ScopeKind kind, string code, int population, int days)
    {
        private readonly int[] _received = new int[days + 1];
        private readonly int[] _awaitingDelta = new int[days + 1];
        private readonly int[] _overdueDelta = new int[days + 1];
        private readonly List<int> _bySubmitted = [];
        private readonly List<int> _byDeadline = [];
        private readonly List<int> _byResponse = [];

        public void Add(int index, Fact f)
        {
            _received[f.Submitted]++;
            if (!f.SideExit)
            {
                _awaitingDelta[f.Submitted]++;
                if (f.Verified <= days)
                {
                    _awaitingDelta[f.Verified]--;
                }
            }
            if (f.Deadline <= days && !f.SettledInTime)
            {
                // Overdue from the deadline's day until the day it closed (a close that day means not overdue that night).
                _overdueDelta[f.Deadline]++;
                if (f.Closed <= days)
                {
                    _overdueDelta[Math.Max(f.Closed, f.Deadline)]--;
                }
            }
            _bySubmitted.Add(index);
            if (f.Deadline <= days)
            {
                _byDeadline.Add(index);
            }
            if (f.FirstResponse <= days)
            {
                _byResponse.Add(index);
            }
        }

        public void Emit(Fact[] facts, DateOnly origin, int fromIndex, List<ComputedValue> output)
        {
            _bySubmitted.Sort((a, b) => facts[a].Submitted.CompareTo(facts[b].Submitted));
            _byDeadline.Sort((a, b) => facts[a].Deadline.CompareTo(facts[b].Deadline));
            _byResponse.Sort((a, b) => facts[a].FirstResponse.CompareTo(facts[b].FirstResponse));
            var awaiting = 0;
            var overdue = 0;
            for (var d = 0; d < days; d++)
            {
                awaiting += _awaitingDelta[d];
                overdue += _overdueDelta[d];
                if (d < fromIndex)
                {
                    continue;
                }
                var date = origin.AddDays(d);

                int verified = 0, responded = 0, received30 = 0;
                var categories = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var i in Between(_bySubmitted, facts, f => f.Submitted, d - Window + 1, d))
                {
                    var f = facts[i];
                    received30++;
                    categories[f.Source.Category] = categories.GetValueOrDefault(f.Source.Category) + 1;
                    if (!f.SideExit && f.Verified <= d)
                    {
                        verified++;
                        if (f.FirstResponse <= d)
                        {
                            responded++;
                        }
                    }
                }
                int received90 = 0, closed90 = 0;
                foreach (var i in Between(_bySubmitted, facts, f => f.Submitted, d - ClosedWindow + 1, d))
                {
                    received90++;
                    if (facts[i].Selesai && facts[i].Closed <= d)
                    {
                        closed90++;
                    }
                }
                int due = 0, inTime = 0;
                foreach (var i in Between(_byDeadline, facts, f => f.Deadline, d - Window + 1, d))
                {
                    due++;
                    if (facts[i].SettledInTime)
                    {
                        inTime++;
                    }
                }
                double hours = 0;
                var responses = 0;
                foreach (var i in Between(_byResponse, facts, f => f.FirstResponse, d - Window + 1, d))
                {
                    hours += facts[i].ResponseHours;
                    responses++;
                }

                Put(output, Codes.ComplaintsReceived, date, _received[d]);
                Put(output, Codes.AwaitingVerification, date, awaiting);
                Put(output, Codes.FollowedUpPct, date, Percent(responded, verified));
                Put(output, Codes.WithinSlaPct, date, Percent(inTime, due));
                Put(output, Codes.Overdue, date, overdue);
                Put(output, Codes.FirstResponseHours, date, responses == 0 ? null : Math.Round(hours / responses, 1));
                Put(output, Codes.ClosedPct, date, Percent(closed90, received90));
                if (kind is ScopeKind.Opd or ScopeKind.Kota)
                {
                    Put(output, Codes.OpdCompliancePct, date, Percent(inTime, due));
                }
                if (kind != ScopeKind.Opd && population > 0)
                {
                    Put(output, Codes.Per10kPopulation, date, Math.Round(received30 * 10_000.0 / population, 2));
                }
                var top = categories.Count == 0
                    ? default
                    : categories.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
                output.Add(new ComputedValue(Codes.TopCategory, kind, code, date, top.Key is null ? null : top.Value, top.Key));
            }
        }

        private void Put(List<ComputedValue> output, string indicator, DateOnly date, double? value) =>
            output.Add(new ComputedValue(indicator, kind, code, date, value, null));

        private static double? Percent(int numerator, int denominator) =>
            denominator == 0 ? null : Math.Round(numerator * 100.0 / denominator, 1);

        private static IEnumerable<int> Between(List<int> sorted, Fact[] facts, Func<Fact, int> key, int min, int max)
        {
            // Lower bound by binary search, then walk while in range.
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (key(facts[sorted[mid]]) < min)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            for (var i = lo; i < sorted.Count && key(facts[sorted[i]]) <= max; i++)
            {
                yield return sorted[i];
            }
        }
    }
}
