using System.Globalization;
using System.Text;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Licensing.LicensingIndicators.Codes;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>
/// Licensing indicators #57–#66 per WIB day for the kota, each kecamatan and kelurahan, and (for the file indicators
/// #57–#62) each technical agency. A file's state "at the end of a day" is its last status change before midnight WIB.
/// Working days are those of the holiday table (<see cref="WorkingCalendars"/>); a day the file spent wholly in
/// <c>perbaikan</c> does not count (<see cref="WorkingCalendar.ElapsedWorkingDays"/>).
/// </summary>
public sealed class LicensingKpis : ISourceKpis
{
    private const int Window = LicensingIndicators.WindowDays;

    public IReadOnlyList<string> IndicatorCodes { get; } =
    [
        Codes.Issued, Codes.OnTimePct, Codes.MedianDays, Codes.Overdue, Codes.WaitingApplicant, Codes.RejectedPct,
        Codes.PbgUnpaid, Codes.PbgRetribution, Codes.NibIssued, Codes.InvestmentPct,
    ];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var input = await LoadAsync(db, ct);
        var first = input.Applications.Count == 0 ? today : Wib.DateOf(input.Applications.Min(a => a.SubmittedAt));
        if (input.BusinessIds.Count > 0)
        {
            var nib = Wib.DateOf(input.BusinessIds.Min(b => b.IssuedAt));
            first = nib < first ? nib : first;
        }
        if (from < first)
        {
            from = first;
        }
        if (from > today)
        {
            from = today;
        }
        var values = Compute(input, from, today);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    /// <summary>Everything the indicators read, from the reporting database.</summary>
    public static async Task<LicensingInput> LoadAsync(ReportingDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var types = await db.Set<PermitType>().AsNoTracking()
            .Select(t => new PermitTypeFacts(t.Id, t.Channel, t.SlaDays, t.TechnicalAgencyCode, t.Retribution)).ToListAsync(ct);
        var applications = await db.Set<PermitApplication>().AsNoTracking()
            .Select(a => new ApplicationFacts(a.Id, a.PermitType, a.Channel, a.KelurahanCode, a.KecamatanCode, a.Status, a.History,
                a.SubmittedAt, a.IssuedAt, a.RetributionAmount, a.PaidAt))
            .ToListAsync(ct);
        var nibs = await db.Set<BusinessId>().AsNoTracking()
            .Select(b => new BusinessIdFacts(b.KelurahanCode, b.KecamatanCode, b.Scale, b.RiskLevel, b.IssuedAt)).ToListAsync(ct);
        var reports = await db.Set<InvestmentReport>().AsNoTracking()
            .Select(r => new InvestmentFacts(r.Year, r.Quarter, r.Kind, r.RealisedValue)).ToListAsync(ct);
        var targets = await db.Set<InvestmentTarget>().AsNoTracking()
            .Select(t => new InvestmentTargetFacts(t.Year, t.Kind, t.Target)).ToListAsync(ct);
        return new LicensingInput(types, applications, nibs, reports, targets, await WorkingCalendars.LoadAsync(db, ct));
    }

    public sealed record PermitTypeFacts(string Code, string Channel, int SlaDays, string? TechnicalAgencyCode, bool Retribution);

    public sealed record ApplicationFacts(
        string Id, string PermitType, string Channel, string? KelurahanCode, string? KecamatanCode, string Status, string History,
        DateTimeOffset SubmittedAt, DateTimeOffset? IssuedAt, long? RetributionAmount, DateTimeOffset? PaidAt);

    public sealed record BusinessIdFacts(string? KelurahanCode, string? KecamatanCode, string Scale, string RiskLevel, DateTimeOffset IssuedAt);

    public sealed record InvestmentFacts(int Year, int Quarter, string Kind, long RealisedValue);

    public sealed record InvestmentTargetFacts(int Year, string Kind, long Target);

    public sealed record LicensingInput(
        IReadOnlyList<PermitTypeFacts> Types, IReadOnlyList<ApplicationFacts> Applications, IReadOnlyList<BusinessIdFacts> BusinessIds,
        IReadOnlyList<InvestmentFacts> Reports, IReadOnlyList<InvestmentTargetFacts> Targets, WorkingCalendar Calendar);

    /// <summary>What the page and the alert need of one file: its SLA and where its clock stands.</summary>
    public sealed record FileClock(int SlaDays, int Elapsed, DateOnly? OverdueFrom, DateTimeOffset? ClosedAt, IReadOnlyList<StatusChange> History);

    /// <summary>The SLA of a file's permit type (an unknown type: <see cref="LicensingPayload.UnknownTypeSlaDays"/>).</summary>
    public static int SlaOf(IReadOnlyDictionary<string, PermitTypeFacts> types, string permitType) =>
        types.TryGetValue(permitType, out var t) ? t.SlaDays : LicensingPayload.UnknownTypeSlaDays;

    /// <summary>When a file closed: its first final status (an issued file without history: its issue time).</summary>
    public static DateTimeOffset? ClosedAt(string status, IReadOnlyList<StatusChange> history, DateTimeOffset? issuedAt, DateTimeOffset submittedAt)
    {
        foreach (var c in history)
        {
            if (LicensingPayload.Final.Contains(c.Status))
            {
                return c.At;
            }
        }
        return LicensingPayload.Final.Contains(status) ? issuedAt ?? (history.Count > 0 ? history[^1].At : submittedAt) : null;
    }

    /// <summary>A file's clock as of <paramref name="now"/>.</summary>
    public static FileClock Clock(ApplicationFacts a, int slaDays, WorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(calendar);
        var history = StatusHistory.Decode(a.History);
        var pauses = StatusHistory.Pauses(history);
        var closed = ClosedAt(a.Status, history, a.IssuedAt, a.SubmittedAt);
        var until = closed is { } c && c < now ? c : now;
        return new FileClock(slaDays, calendar.ElapsedWorkingDays(a.SubmittedAt, until, pauses),
            calendar.SlaDay(a.SubmittedAt, slaDays + 1, pauses), closed, history);
    }

    public static List<ComputedValue> Compute(LicensingInput input, DateOnly from, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var origin = from.AddDays(1 - Window);
        var days = today.DayNumber - origin.DayNumber + 1;
        if (days <= 0)
        {
            return [];
        }
        var types = input.Types.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var scopes = new Dictionary<string, Scope>(StringComparer.Ordinal);
        foreach (var region in ReferenceData.Regions)
        {
            var kind = region.Level switch
            {
                RegionLevel.Kota => ScopeKind.Kota,
                RegionLevel.Kecamatan => ScopeKind.Kecamatan,
                _ => ScopeKind.Kelurahan,
            };
            scopes[region.Code] = new Scope(kind, region.Code, days);
        }
        foreach (var agency in ReferenceData.Agencies)
        {
            scopes[agency.Code] = new Scope(ScopeKind.Opd, agency.Code, days);
        }
        Scope? Get(string? code) => code is not null && scopes.TryGetValue(code, out var s) ? s : null;
        var kota = scopes[ReferenceData.KotaCode];
        int Index(DateOnly d) => d.DayNumber - origin.DayNumber;
        int IndexOf(DateTimeOffset t) => Index(Wib.DateOf(t));

        foreach (var a in input.Applications)
        {
            types.TryGetValue(a.PermitType, out var type);
            var sla = type?.SlaDays ?? LicensingPayload.UnknownTypeSlaDays;
            var history = StatusHistory.Decode(a.History);
            var pauses = StatusHistory.Pauses(history);
            var closed = ClosedAt(a.Status, history, a.IssuedAt, a.SubmittedAt);
            var closedIndex = closed is { } c ? IndexOf(c) : int.MaxValue;
            var overdueFrom = input.Calendar.SlaDay(a.SubmittedAt, sla + 1, pauses);
            var overdueIndex = overdueFrom is { } o ? Index(o) : int.MaxValue;
            var issued = a.Status == LicensingPayload.Issued && closed is not null;
            var issueIndex = issued ? IndexOf(a.IssuedAt ?? closed!.Value) : -1;
            var elapsed = issued ? input.Calendar.ElapsedWorkingDays(a.SubmittedAt, a.IssuedAt ?? closed!.Value, pauses) : 0;
            var channel = IndexIn(LicensingPayload.ChannelOrder, a.Channel);
            var pbg = a.Channel == "simbg" && type is { Retribution: true };

            var targets = new[] { kota, Get(a.KecamatanCode), Get(a.KelurahanCode), Get(type?.TechnicalAgencyCode ?? LicensingIndicators.OwnerOpd) };
            foreach (var scope in targets)
            {
                if (scope is null)
                {
                    continue;
                }
                if (issued)
                {
                    scope.Issue(issueIndex, channel, elapsed, elapsed <= sla);
                }
                if (closed is not null)
                {
                    scope.Close(closedIndex, LicensingPayload.NotIssued.Contains(a.Status));
                }
                // Stage intervals: the status at the end of day d is the last change before midnight.
                var segments = Segments(history, a.SubmittedAt);
                foreach (var (status, start, end) in segments)
                {
                    var first = IndexOf(start);
                    var last = end is { } e ? IndexOf(e) - 1 : days - 1;
                    if (closedIndex != int.MaxValue)
                    {
                        last = Math.Min(last, closedIndex - 1);
                    }
                    if (last < first)
                    {
                        continue;
                    }
                    if (status == LicensingPayload.Correction)
                    {
                        scope.Range(scope.Waiting, first, last, 1);
                    }
                    if (pbg && status == LicensingPayload.AwaitingPayment && scope.Kind != ScopeKind.Opd)
                    {
                        scope.Range(scope.Unpaid, first, last, 1);
                        scope.Range(scope.UnpaidAmount, first, last, a.RetributionAmount ?? 0);
                    }
                    var overdueFirst = Math.Max(first, overdueIndex);
                    if (overdueIndex != int.MaxValue && overdueFirst <= last)
                    {
                        scope.Range(scope.Overdue, overdueFirst, last, 1);
                        scope.Range(scope.OverdueByStage(status), overdueFirst, last, 1);
                    }
                }
                if (pbg && a.PaidAt is { } paid && a.RetributionAmount is { } amount && scope.Kind != ScopeKind.Opd)
                {
                    scope.Pay(IndexOf(paid), Wib.DateOf(paid).Year, amount);
                }
            }
        }

        foreach (var b in input.BusinessIds)
        {
            var index = IndexOf(b.IssuedAt);
            var scale = IndexIn(LicensingPayload.ScaleOrder, b.Scale);
            foreach (var scope in new[] { kota, Get(b.KecamatanCode), Get(b.KelurahanCode) })
            {
                scope?.Nib(index, scale);
            }
        }

        var fromIndex = Index(from);
        var values = new List<ComputedValue>(scopes.Count * 10 * (days - fromIndex));
        foreach (var scope in scopes.Values)
        {
            scope.Emit(origin, fromIndex, values);
        }
        EmitInvestment(input, origin, fromIndex, days, values);
        return values;
    }

    /// <summary>(status, from, until) for each stretch of the file's history; the submission until the first change is <c>diajukan</c>.</summary>
    private static List<(string Status, DateTimeOffset From, DateTimeOffset? Until)> Segments(List<StatusChange> history, DateTimeOffset submitted)
    {
        var result = new List<(string, DateTimeOffset, DateTimeOffset?)>(history.Count + 1);
        if (history.Count == 0 || history[0].At > submitted)
        {
            result.Add((LicensingPayload.Submitted, submitted, history.Count == 0 ? null : history[0].At));
        }
        for (var i = 0; i < history.Count; i++)
        {
            result.Add((history[i].Status, history[i].At, i + 1 < history.Count ? history[i + 1].At : null));
        }
        return result;
    }

    private static void EmitInvestment(LicensingInput input, DateOnly origin, int fromIndex, int days, List<ComputedValue> values)
    {
        for (var d = fromIndex; d < days; d++)
        {
            var date = origin.AddDays(d);
            var target = input.Targets.Where(t => t.Year == date.Year).Sum(t => (double)t.Target);
            double pmdn = 0, pma = 0;
            foreach (var r in input.Reports)
            {
                if (r.Year == date.Year && LicensingPayload.QuarterEnd(r.Year, r.Quarter) <= date)
                {
                    if (r.Kind == "PMA")
                    {
                        pma += r.RealisedValue;
                    }
                    else if (r.Kind == "PMDN")
                    {
                        pmdn += r.RealisedValue;
                    }
                }
            }
            var label = string.Create(CultureInfo.InvariantCulture, $"PMDN {Money(pmdn)} · PMA {Money(pma)}");
            values.Add(new ComputedValue(Codes.InvestmentPct, ScopeKind.Kota, ReferenceData.KotaCode, date,
                target > 0 ? Math.Round((pmdn + pma) * 100 / target, 1) : null, label));
        }
    }

    /// <summary>Rupiah in words a screen can hold: <c>Rp2,07 T</c>, <c>Rp840 M</c>, <c>Rp693 jt</c>.</summary>
    public static string Money(double rupiah)
    {
        var id = CultureInfo.GetCultureInfo("id-ID");
        return rupiah switch
        {
            >= 1e12 => "Rp" + (rupiah / 1e12).ToString("0.##", id) + " T",
            >= 1e9 => "Rp" + (rupiah / 1e9).ToString("0.#", id) + " M",
            >= 1e6 => "Rp" + (rupiah / 1e6).ToString("0", id) + " jt",
            _ => "Rp" + rupiah.ToString("N0", id),
        };
    }

    private static int IndexIn(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Percentile by nearest rank over sorted values.</summary>
    public static int Percentile(List<int> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static readonly string[] StageLabels = ["diajukan", "verifikasi", "perbaikan", "pertimbangan_teknis", "menunggu_bayar", "lainnya"];

    private sealed class Scope(ScopeKind kind, string code, int days)
    {
        public ScopeKind Kind => kind;
        private readonly int[] _issued = new int[days];
        private readonly int[] _issuedByChannel = new int[days * 3];
        private readonly int[] _onTime = new int[days];
        private readonly List<int>?[] _durations = new List<int>?[days];
        private readonly int[] _closed = new int[days];
        private readonly int[] _refused = new int[days];
        public long[] Waiting { get; } = new long[days + 1];
        public long[] Unpaid { get; } = new long[days + 1];
        public long[] UnpaidAmount { get; } = new long[days + 1];
        public long[] Overdue { get; } = new long[days + 1];
        private readonly long[][] _overdueByStage = [.. StageLabels.Select(_ => new long[days + 1])];
        private readonly long[] _paid = new long[days];
        private readonly int[] _nib = new int[days];
        private readonly int[] _nibByScale = new int[days * 4];
        private int _paidYearBefore = int.MinValue;
        private long _paidBefore;

        public long[] OverdueByStage(string status)
        {
            var i = Array.IndexOf(StageLabels, status);
            return _overdueByStage[i < 0 ? StageLabels.Length - 1 : i];
        }

        public void Issue(int day, int channel, int elapsed, bool onTime)
        {
            if (day < 0 || day >= days)
            {
                return;
            }
            _issued[day]++;
            if (channel >= 0)
            {
                _issuedByChannel[(day * 3) + channel]++;
            }
            if (onTime)
            {
                _onTime[day]++;
            }
            (_durations[day] ??= []).Add(elapsed);
        }

        public void Close(int day, bool refused)
        {
            if (day < 0 || day >= days)
            {
                return;
            }
            _closed[day]++;
            if (refused)
            {
                _refused[day]++;
            }
        }

        /// <summary>Adds <paramref name="value"/> to every day from <paramref name="first"/> to <paramref name="last"/> (difference array).</summary>
        public void Range(long[] delta, int first, int last, long value)
        {
            first = Math.Max(first, 0);
            last = Math.Min(last, days - 1);
            if (last < first)
            {
                return;
            }
            delta[first] += value;
            delta[last + 1] -= value;
        }

        public void Pay(int day, int year, long amount)
        {
            if (day >= days)
            {
                return;
            }
            if (day < 0)
            {
                // Paid before the arrays start: counts in the running total of its year.
                if (year > _paidYearBefore)
                {
                    _paidYearBefore = year;
                    _paidBefore = 0;
                }
                if (year == _paidYearBefore)
                {
                    _paidBefore += amount;
                }
                return;
            }
            _paid[day] += amount;
        }

        public void Nib(int day, int scale)
        {
            if (day < 0 || day >= days)
            {
                return;
            }
            _nib[day]++;
            if (scale >= 0)
            {
                _nibByScale[(day * 4) + scale]++;
            }
        }

        public void Emit(DateOnly origin, int fromIndex, List<ComputedValue> output)
        {
            int issued = 0, onTime = 0, closed = 0, refused = 0;
            long waiting = 0, unpaid = 0, unpaidAmount = 0, overdue = 0;
            var byStage = new long[StageLabels.Length];
            var region = kind != ScopeKind.Opd;
            var paidYear = origin.Year;
            var paid = _paidYearBefore == origin.Year ? _paidBefore : 0;
            var window = new List<int>();
            for (var d = 0; d < days; d++)
            {
                issued += _issued[d];
                onTime += _onTime[d];
                closed += _closed[d];
                refused += _refused[d];
                if (d >= Window)
                {
                    issued -= _issued[d - Window];
                    onTime -= _onTime[d - Window];
                    closed -= _closed[d - Window];
                    refused -= _refused[d - Window];
                }
                waiting += Waiting[d];
                unpaid += Unpaid[d];
                unpaidAmount += UnpaidAmount[d];
                overdue += Overdue[d];
                for (var s = 0; s < byStage.Length; s++)
                {
                    byStage[s] += _overdueByStage[s][d];
                }
                var date = origin.AddDays(d);
                if (date.Year != paidYear)
                {
                    paidYear = date.Year;
                    paid = 0;
                }
                paid += _paid[d];
                if (d < fromIndex)
                {
                    continue;
                }
                window.Clear();
                for (var w = Math.Max(0, d - Window + 1); w <= d; w++)
                {
                    if (_durations[w] is { } list)
                    {
                        window.AddRange(list);
                    }
                }
                window.Sort();
                output.Add(new ComputedValue(Codes.Issued, kind, code, date, _issued[d], ChannelLabel(d)));
                output.Add(new ComputedValue(Codes.OnTimePct, kind, code, date, issued == 0 ? null : Math.Round(onTime * 100.0 / issued, 1), null));
                output.Add(new ComputedValue(Codes.MedianDays, kind, code, date,
                    window.Count == 0 ? null : Percentile(window, 0.5),
                    window.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"P90 {Percentile(window, 0.9)} hari kerja")));
                output.Add(new ComputedValue(Codes.Overdue, kind, code, date, overdue, StageLabel(byStage)));
                output.Add(new ComputedValue(Codes.WaitingApplicant, kind, code, date, waiting, null));
                output.Add(new ComputedValue(Codes.RejectedPct, kind, code, date, closed == 0 ? null : Math.Round(refused * 100.0 / closed, 1), null));
                if (!region)
                {
                    continue;
                }
                output.Add(new ComputedValue(Codes.PbgUnpaid, kind, code, date, unpaid, unpaid == 0 ? null : Money(unpaidAmount)));
                output.Add(new ComputedValue(Codes.PbgRetribution, kind, code, date, paid, null));
                output.Add(new ComputedValue(Codes.NibIssued, kind, code, date, _nib[d], ScaleLabel(d)));
            }
        }

        private string? ChannelLabel(int d) => Breakdown(LicensingPayload.ChannelOrder.Select(LicensingPayload.ChannelName).ToArray(), _issuedByChannel.AsSpan(d * 3, 3));

        private string? ScaleLabel(int d) => Breakdown([.. LicensingPayload.ScaleOrder], _nibByScale.AsSpan(d * 4, 4));

        private static string? StageLabel(long[] byStage)
        {
            var counts = byStage.Select(v => (int)v).ToArray();
            return Breakdown(StageLabels.Select(s => s.Replace('_', ' ')).ToArray(), counts);
        }
    }

    /// <summary>Non-zero counts by name, e.g. <c>OSS 3 · SiCantik 5</c>.</summary>
    public static string? Breakdown(IReadOnlyList<string> names, ReadOnlySpan<int> counts)
    {
        ArgumentNullException.ThrowIfNull(names);
        var text = new StringBuilder();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(" · ");
            }
            text.Append(names[i]).Append(' ').Append(counts[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.Length == 0 ? null : text.ToString();
    }
}
