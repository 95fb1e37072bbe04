using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Dashboard.Simulators.Budget.BudgetSimulatorData;

namespace Dashboard.Simulators.Budget;

/// <summary>
/// Simulates SIPD penatausahaan and monev (docs/SOURCES.md §7): serves <c>GET {BasePath}/v1/budget-lines</c>,
/// <c>/v1/cash-plans</c>, <c>/v1/payments</c> and <c>/v1/progress</c> (all paged; <c>year</c> is accepted and the client
/// reads every year incrementally) and the control endpoints. Each year's lines and cash plan are adopted on 20 December
/// of the year before; salaries go out on the first working days of each month, GU batches twice a month, capital
/// termin payments follow a back-loaded plan that slips by the agency's lag and bunches in December; some LS are
/// cancelled and re-issued, a few GU withdrawn. The APBD-P (25 September) revises pagu and the cash plan of the last
/// quarter. Monev reports of a month arrive in the first half of the next, most by the 10th, and are verified a few days
/// later. History starts on 1 January of the year <see cref="SimulatorOptions.HistoryDays"/> back; the same seed and
/// start time always give the same data.
/// </summary>
internal sealed class BudgetSimulator : ScheduledSimulator<BudgetEvent>
{
    public const string LinesPath = "/v1/budget-lines";
    public const string PlansPath = "/v1/cash-plans";
    public const string PaymentsPath = "/v1/payments";
    public const string ProgressPath = "/v1/progress";

    private readonly BudgetSimulatorOptions _budget;
    private readonly DateTimeOffset _anchor;
    private readonly SimulatorStore<SimLine> _lineStore;
    private readonly SimulatorStore<SimPlan> _planStore;
    private readonly SimulatorStore<SimPayment> _paymentStore;
    private readonly SimulatorStore<SimProgress> _progressStore;
    private readonly SimulatorFeed<SimLine> _lineFeed;
    private readonly SimulatorFeed<SimPlan> _planFeed;
    private readonly SimulatorFeed<SimPayment> _paymentFeed;
    private readonly SimulatorFeed<SimProgress> _progressFeed;
    private readonly Dictionary<int, List<SimLine>> _lines = [];
    private readonly Dictionary<int, long[][]> _spend = [];
    private int _sequence;

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public BudgetSimulator(TimeProvider time, SimulatorOptions options, BudgetSimulatorOptions budget, string apiKey)
        : base(time, options, apiKey, BudgetIndicators.Source, BudgetExtensions.SimulatorBasePath, -71)
    {
        ArgumentNullException.ThrowIfNull(budget);
        _budget = budget;
        _anchor = time.GetUtcNow();
        _lineStore = Serve(BudgetPayload.Lines, new SimulatorStore<SimLine>(Faults));
        _planStore = Serve(BudgetPayload.CashPlans, new SimulatorStore<SimPlan>(Faults));
        _paymentStore = Serve(BudgetPayload.Payments, new SimulatorStore<SimPayment>(Faults));
        _progressStore = Serve(BudgetPayload.Progress, new SimulatorStore<SimProgress>(Faults));
        _lineFeed = new SimulatorFeed<SimLine>(_lineStore, Faults, time, apiKey, WriteLine, UnknownLineValues, Refresh);
        _planFeed = new SimulatorFeed<SimPlan>(_planStore, Faults, time, apiKey, WritePlan, null, Refresh);
        _paymentFeed = new SimulatorFeed<SimPayment>(_paymentStore, Faults, time, apiKey,
            (w, p) => WritePayment(w, p, Options, Options.Seed), UnknownPaymentValues, Refresh);
        _progressFeed = new SimulatorFeed<SimProgress>(_progressStore, Faults, time, apiKey, (w, p) => WriteProgress(w, p, Options), null, Refresh);
    }

    /// <summary>1 January (WIB) of the first simulated year.</summary>
    public DateTimeOffset HistoryStart
    {
        get
        {
            var first = Wib.DateOf(_anchor - TimeSpan.FromDays(Options.HistoryDays));
            return Local(new DateOnly(first.Year, 1, 1), 0);
        }
    }

    /// <summary>Source ids of a resource's live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds(string resource) => RecordIds(resource, deleted: false);

    /// <summary>Source ids of a resource's tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds(string resource) => RecordIds(resource, deleted: true);

    /// <summary>Withdraws a payment now: from then on it is served as a tombstone.</summary>
    public bool Withdraw(string id) => WithdrawRecord(BudgetPayload.Payments, id);

    /// <summary>Serves a payment again as of now, unchanged.</summary>
    public bool Touch(string id) => TouchRecord(BudgetPayload.Payments, id);

    /// <summary>Serves every live record of every resource again as of now, unchanged (a source re-sending everything).</summary>
    public void TouchAll() => TouchAllRecords();

    /// <summary>Adds <paramref name="count"/> GU payments dated now, each charging one goods line of an agency; returns their ids.</summary>
    public override IReadOnlyList<string> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            Refresh();
            var now = Time.GetUtcNow();
            var day = Wib.DateOf(now);
            var goods = _lines.TryGetValue(day.Year, out var lines) ? lines.Where(l => l.Kind == BudgetPayload.Operasi && l.Number % 50 != 0).ToList() : [];
            var ids = new List<string>(count);
            for (var i = 0; i < count && goods.Count > 0; i++)
            {
                var line = goods[Demo.Next(goods.Count)];
                var amount = Math.Max(1_000_000L, line.Pagu / 400 / 1000 * 1000);
                var p = NewPayment(day, line.Agency, "GU", null, [new SimPaymentLine(line.Id, GoodsAccount(line), amount)], Demo);
                _paymentStore.Upsert(p.Id, p, now);
                ids.Add(p.Id);
            }
            return ids;
        }
    }

    protected override void MapResources(IEndpointRouteBuilder routes)
    {
        routes.MapGet(BasePath + LinesPath, _lineFeed.HandleAsync);
        routes.MapGet(BasePath + PlansPath, _planFeed.HandleAsync);
        routes.MapGet(BasePath + PaymentsPath, _paymentFeed.HandleAsync);
        routes.MapGet(BasePath + ProgressPath, _progressFeed.HandleAsync);
    }

    // ---- History -----------------------------------------------------------------------------------------

    protected override void BuildHistory()
    {
        var first = Wib.DateOf(HistoryStart).Year;
        Enqueue(new BudgetEvent(BudgetEventKind.YearOpen, first, 0, null, null), Local(new DateOnly(first - 1, 12, 20), 9).UtcTicks);
        Enqueue(new BudgetEvent(BudgetEventKind.MonthOpen, first, 1, null, null), Local(new DateOnly(first, 1, 1), 0.2).UtcTicks);
        Run(_anchor.UtcTicks);
        StartDemo(_anchor);
    }

    protected override void Apply(BudgetEvent e, long ticks)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        switch (e.Kind)
        {
            case BudgetEventKind.YearOpen:
                OpenYear(e.Year, at);
                break;
            case BudgetEventKind.MonthOpen:
                OpenMonth(e.Year, e.Month);
                break;
            case BudgetEventKind.Revise:
                Revise(e.Year, at);
                break;
            case BudgetEventKind.Pay:
                _paymentStore.Upsert(e.Payment!.Id, e.Payment, at);
                break;
            case BudgetEventKind.Cancel:
                if (_paymentStore.TryGet(e.Payment!.Id, out var paid) && !paid.Deleted)
                {
                    _paymentStore.Upsert(paid.Id, paid.Value with { Cancelled = true }, at);
                }
                break;
            case BudgetEventKind.Withdraw:
                _paymentStore.Delete(e.Payment!.Id, at);
                break;
            case BudgetEventKind.Report:
                _progressStore.Upsert(e.Progress!.Id, e.Progress, at);
                break;
            default:
                break;
        }
    }

    /// <summary>The year's lines and cash plan are adopted; the next year's adoption and this year's APBD-P are queued.</summary>
    private void OpenYear(int year, DateTimeOffset at)
    {
        Enqueue(new BudgetEvent(BudgetEventKind.YearOpen, year + 1, 0, null, null), Local(new DateOnly(year, 12, 20), 9).UtcTicks);
        Enqueue(new BudgetEvent(BudgetEventKind.Revise, year, 9, null, null), Local(new DateOnly(year, 9, 25), 10).UtcTicks);
        var r = SimulatorRandom.For(Options.Seed, 7_000_000L + year);
        var lines = new List<SimLine>(_budget.Lines);
        var belanja = Belanja(year);
        var weights = Agencies.Sum(a => a.Weight);
        var kelurahan = ReferenceData.Regions.Where(x => x.Level == RegionLevel.Kelurahan).Select(x => x.Code).ToList();
        var number = 0;
        for (var a = 0; a < Agencies.Length; a++)
        {
            var spec = Agencies[a];
            var pagu = belanja * spec.Weight / weights;
            var count = Math.Max(3, (int)Math.Round(_budget.Lines * spec.Weight / weights));
            var capitalLines = Math.Max(1, (int)Math.Round((count - 1) * Math.Min(0.7, spec.Capital * 1.2)));
            var goodsLines = Math.Max(1, count - 1 - capitalLines);
            // Personnel first (one line: salaries and TPP), then goods and services, then capital works.
            lines.Add(NewLine(year, a, ++number, BudgetPayload.Operasi, "DAU", pagu * spec.Personnel, null, PersonnelName, r));
            AddSplit(lines, year, a, ref number, BudgetPayload.Operasi, pagu * (1 - spec.Personnel - spec.Capital), goodsLines, GoodsNames, null, r);
            AddSplit(lines, year, a, ref number, BudgetPayload.Modal, pagu * spec.Capital, capitalLines, CapitalNames, kelurahan, r);
        }
        _lines[year] = lines;
        var spend = new long[lines.Count][];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var plan = Plan(line);
            for (var m = 0; m < 12; m++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"RAK-{line.Id}-{m + 1:D2}");
                _planStore.Upsert(id, new SimPlan(id, line.Id, m + 1, plan[m]), at);
            }
            spend[i] = Spend(line, plan, SimulatorRandom.For(Options.Seed, 8_000_000_000L + (year * 100_000L) + i));
            _lineStore.Upsert(line.Id, line, at);
        }
        _spend[year] = spend;
    }

    private static void AddSplit(List<SimLine> lines, int year, int agency, ref int number, string kind, double total, int count, string[] names,
        List<string>? kelurahan, SimulatorRandom r)
    {
        var sizes = Enumerable.Range(0, count).Select(_ => r.LogNormal(1, 0.8)).ToList();
        var sum = sizes.Sum();
        for (var i = 0; i < count; i++)
        {
            var funding = kind == BudgetPayload.Modal
                ? r.NextDouble() switch { < 0.3 => "DAK_FISIK", < 0.6 => "PAD", < 0.85 => "DAU", _ => "BANKEU_PROV" }
                : r.NextDouble() switch { < 0.45 => "PAD", < 0.8 => "DAU", < 0.9 => "DBH", < 0.97 => "DAK_NONFISIK", _ => "LAINNYA" };
            var place = kelurahan is not null && r.Chance(0.6) ? r.Pick(kelurahan) : null;
            lines.Add(NewLine(year, agency, ++number, kind, funding, total * sizes[i] / sum, place, r.Pick(names), r));
        }
    }

    private static SimLine NewLine(int year, int agency, int number, string kind, string funding, double pagu, string? kelurahan, string name, SimulatorRandom r)
    {
        var a = Agencies[agency];
        var amount = Math.Max(12_000_000L, (long)Math.Round(pagu / 1000) * 1000);
        var sub = string.Create(CultureInfo.InvariantCulture, $"{a.Urusan}.{1 + (number % 3):D2}.2.{1 + (number % 7):D2}.{1 + r.Next(40):D4}");
        return new SimLine(LineId(year, number), year, agency, number, kind, funding, amount, amount, kelurahan, null, name, sub,
            name == PersonnelName);
    }

    private static long[] Plan(SimLine line)
    {
        var shares = line.Personnel ? EvenPlan : line.Kind == BudgetPayload.Modal ? CapitalPlan : GoodsPlan;
        var plan = new long[12];
        var left = line.Pagu;
        for (var m = 0; m < 11; m++)
        {
            plan[m] = (long)Math.Round(line.Pagu * shares[m] / 1000) * 1000;
            left -= plan[m];
        }
        plan[11] = left;
        return plan;
    }

    private static bool IsPersonnel(SimLine line) => line.Personnel;

    /// <summary>What the line will really spend each month: personnel ~97 %, the rest by the agency's execution, capital slipping by its lag.</summary>
    private static long[] Spend(SimLine line, long[] plan, SimulatorRandom r)
    {
        var a = Agencies[line.Agency];
        var spend = new double[12];
        if (line.Personnel)
        {
            for (var m = 0; m < 12; m++)
            {
                spend[m] = plan[m] * r.Uniform(0.95, 0.99);
            }
        }
        else
        {
            var execution = Math.Clamp(a.Execution * r.Uniform(0.9, 1.08) * (line.Kind == BudgetPayload.Modal ? 0.95 : 1.0), 0.4, 1.0);
            var lag = line.Kind == BudgetPayload.Modal ? a.Lag + (r.Chance(0.2) ? 1 : 0) : a.Lag > 1 ? 1 : 0;
            for (var m = 0; m < 12; m++)
            {
                spend[Math.Min(11, m + lag)] += plan[m] * execution;
            }
        }
        return [.. spend.Select(x => (long)Math.Round(x / 1000) * 1000)];
    }

    /// <summary>APBD-P: a third of the programme lines move by −15 % to +10 %; the last quarter of their cash plan absorbs it.</summary>
    private void Revise(int year, DateTimeOffset at)
    {
        if (!_lines.TryGetValue(year, out var lines))
        {
            return;
        }
        var r = SimulatorRandom.For(Options.Seed, 9_000_000L + year);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsPersonnel(line) || !r.Chance(0.33))
            {
                continue;
            }
            var change = (long)Math.Round(line.Pagu * r.Uniform(-0.15, 0.10) / 1000) * 1000;
            var plan = Plan(line);
            var q4 = plan[9] + plan[10] + plan[11];
            if (q4 + change <= 0)
            {
                continue;
            }
            var revised = line with { Pagu = line.Pagu + change, RevisedAt = at };
            lines[i] = revised;
            _lineStore.Upsert(line.Id, revised, at);
            var scale = (q4 + change) / (double)q4;
            long moved = 0;
            for (var m = 9; m < 12; m++)
            {
                var amount = m < 11 ? (long)Math.Round(plan[m] * scale / 1000) * 1000 : q4 + change - moved;
                moved += amount;
                var id = string.Create(CultureInfo.InvariantCulture, $"RAK-{line.Id}-{m + 1:D2}");
                _planStore.Upsert(id, new SimPlan(id, line.Id, m + 1, amount), at);
                // Spending follows the revised plan (a cut is not spent, an addition is spent at the agency's pace).
                _spend[year][i][m] = Math.Max(0, (long)Math.Round(_spend[year][i][m] * scale / 1000) * 1000);
            }
        }
    }

    /// <summary>Queues the month's SP2D and the monev reports of the month before.</summary>
    private void OpenMonth(int year, int month)
    {
        var next = new DateOnly(year, month, 1).AddMonths(1);
        Enqueue(new BudgetEvent(BudgetEventKind.MonthOpen, next.Year, next.Month, null, null), Local(next, 0.2).UtcTicks);
        var r = SimulatorRandom.For(Options.Seed, 6_000_000_000L + (year * 12L) + month);
        if (_lines.TryGetValue(year, out var lines))
        {
            PlanPayments(year, month, lines, r);
        }
        var previous = new DateOnly(year, month, 1).AddMonths(-1);
        if (_lines.TryGetValue(previous.Year, out var before))
        {
            PlanReports(previous.Year, previous.Month, before, r);
        }
    }

    private void PlanPayments(int year, int month, List<SimLine> lines, SimulatorRandom r)
    {
        var first = new DateOnly(year, month, 1);
        var days = DateTime.DaysInMonth(year, month);
        var working = Enumerable.Range(0, days).Select(first.AddDays).Where(WorkingCalendar.Official.IsWorkingDay).ToList();
        if (working.Count == 0)
        {
            return;
        }
        var spend = _spend[year];
        foreach (var agency in lines.Select((l, i) => (l, i)).GroupBy(x => x.l.Agency))
        {
            var code = Agencies[agency.Key].Code;
            // January: the UP advance for the year's goods (not spending until accounted for by GU).
            if (month == 1)
            {
                var goodsPagu = agency.Where(x => x.l.Kind == BudgetPayload.Operasi && !IsPersonnel(x.l)).Sum(x => x.l.Pagu);
                var first0 = agency.First(x => !IsPersonnel(x.l)).l;
                var up = Math.Max(1_000_000L, goodsPagu / 12 / 1000 * 1000);
                Queue(NewPayment(working[Math.Min(2, working.Count - 1)], agency.Key, "UP", null, [new SimPaymentLine(first0.Id, GoodsAccount(first0), up)], r), 9, r);
            }
            var gu = new List<SimPaymentLine>[] { [], [] };
            foreach (var (line, i) in agency)
            {
                var amount = spend[i][month - 1];
                if (amount <= 0)
                {
                    continue;
                }
                if (IsPersonnel(line))
                {
                    var salary = amount / 1000 * 800;
                    Queue(NewPayment(working[0], agency.Key, "LS", "gaji", [new SimPaymentLine(line.Id, "5.1.01.01.01.0001", salary)], r), 10, r);
                    Queue(NewPayment(working[Math.Min(working.Count - 1, working.Count / 2)], agency.Key, "LS", "tpp",
                        [new SimPaymentLine(line.Id, "5.1.01.02.01.0001", amount - salary)], r), 11, r);
                }
                else if (line.Kind == BudgetPayload.Modal)
                {
                    // Termin payments; December's pile arrives in its last working days.
                    var day = month == 12 ? working[Math.Max(0, working.Count - 1 - r.Next(Math.Min(5, working.Count)))] : working[r.Next(working.Count)];
                    Queue(NewPayment(day, agency.Key, "LS", "barang_jasa", [new SimPaymentLine(line.Id, CapitalAccount(line), amount)], r), 13, r);
                }
                else
                {
                    var half = amount / 2000 * 1000;
                    gu[0].Add(new SimPaymentLine(line.Id, GoodsAccount(line), half));
                    gu[1].Add(new SimPaymentLine(line.Id, GoodsAccount(line), amount - half));
                }
            }
            for (var b = 0; b < 2; b++)
            {
                if (gu[b].Count == 0)
                {
                    continue;
                }
                // A GU SP2D carries at most 40 lines: a large agency's batch goes in several.
                foreach (var chunk in gu[b].Chunk(40))
                {
                    var day = working[Math.Min(working.Count - 1, (b * working.Count / 2) + r.Next(Math.Max(1, working.Count / 2)))];
                    Queue(NewPayment(day, agency.Key, "GU", null, [.. chunk], r), 14, r);
                }
            }
        }
    }

    /// <summary>Queues a payment's issue; 7 % of LS are cancelled within days and re-issued, 0.3 % of GU are withdrawn.</summary>
    private void Queue(SimPayment p, double hour, SimulatorRandom r)
    {
        var at = Local(p.Date, hour + r.Uniform(0, 3));
        if (at < HistoryStart)
        {
            return;
        }
        Enqueue(new BudgetEvent(BudgetEventKind.Pay, 0, 0, p, null), at.UtcTicks);
        if (p.Type == "LS" && r.Chance(0.07))
        {
            var cancelled = at + TimeSpan.FromHours(r.Uniform(4, 72));
            Enqueue(new BudgetEvent(BudgetEventKind.Cancel, 0, 0, p, null), cancelled.UtcTicks);
            var again = Wib.DateOf(cancelled).AddDays(1);
            if (again.Year == p.Date.Year)
            {
                var reissued = NewPayment(again, Array.FindIndex(Agencies, a => a.Code == p.Agency), p.Type, p.LsKind, p.Lines, r);
                Enqueue(new BudgetEvent(BudgetEventKind.Pay, 0, 0, reissued, null), Local(again, 10 + r.Uniform(0, 4)).UtcTicks);
            }
        }
        else if (p.Type == "GU" && r.Chance(0.003))
        {
            Enqueue(new BudgetEvent(BudgetEventKind.Withdraw, 0, 0, p, null), (at + TimeSpan.FromHours(r.Uniform(1, 24))).UtcTicks);
        }
    }

    private SimPayment NewPayment(DateOnly date, int agency, string type, string? lsKind, IReadOnlyList<SimPaymentLine> lines, SimulatorRandom r)
    {
        var a = Agencies[agency];
        var id = string.Create(CultureInfo.InvariantCulture,
            $"35.73/{agency + 1:D2}.0/{++_sequence:D6}/{type}/{a.Urusan}.0.00.0.00.01.0000/M/{date.Month:D2}/{date.Year}");
        var vendor = r.Pick(Vendors);
        var description = type switch
        {
            "LS" when lsKind is "gaji" or "tpp" => "Pembayaran " + lsKind + " ASN bulan " + date.Month.ToString(CultureInfo.InvariantCulture) + ", bendahara {0}",
            "LS" => "Pembayaran termin pekerjaan kepada {0}",
            _ => "Penggantian uang persediaan, bendahara pengeluaran {0}",
        };
        return new SimPayment(id, date, a.Code, type, lsKind, lines.Sum(l => l.Amount), false, lines, vendor, description);
    }

    private static string GoodsAccount(SimLine line) => string.Create(CultureInfo.InvariantCulture, $"5.1.02.{1 + (line.Number % 3):D2}.01.{1 + (line.Number % 50):D4}");

    private static string CapitalAccount(SimLine line) => string.Create(CultureInfo.InvariantCulture, $"5.2.{2 + (line.Number % 4):D2}.01.01.{1 + (line.Number % 30):D4}");

    /// <summary>
    /// Each line's report of a month: physical progress leads financial progress by 5–15 points in Q2–Q3 (capital works),
    /// a few stall or run ahead by more than 15; 80 % are in by the 10th, nine in ten verified a few days later.
    /// </summary>
    private void PlanReports(int year, int month, List<SimLine> lines, SimulatorRandom r)
    {
        var spend = _spend[year];
        var next = new DateOnly(year, month, 1).AddMonths(1);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var spent = 0L;
            for (var m = 0; m < month; m++)
            {
                spent += spend[i][m];
            }
            var financial = line.Pagu > 0 ? spent * 100.0 / line.Pagu : 0;
            var lead = IsPersonnel(line) ? 0 : line.Kind == BudgetPayload.Modal && month is >= 4 and <= 9 ? r.Uniform(5, 15) : r.Uniform(0, 6);
            string? problems = null;
            if (!IsPersonnel(line) && r.Chance(0.06))
            {
                lead = r.Chance(0.5) ? r.Uniform(16, 30) : -r.Uniform(16, 25);
                problems = r.Pick(Problems);
            }
            var physical = Math.Round(Math.Clamp(financial + lead, 0, 100), 1);
            var agencyLate = (line.Agency + month) % 9 == 0;
            var dayOfMonth = agencyLate ? r.Next(11, 16) : r.Chance(0.97) ? r.Next(2, 11) : r.Next(11, 16);
            var submitted = Local(next.AddDays(dayOfMonth - 1), 8 + r.Uniform(0, 8));
            var id = string.Create(CultureInfo.InvariantCulture, $"PRG-{line.Id}-{year:D4}-{month:D2}");
            var report = new SimProgress(id, line.Id, year, month, physical, false, submitted, problems);
            Enqueue(new BudgetEvent(BudgetEventKind.Report, 0, 0, null, report), submitted.UtcTicks);
            if (r.Chance(0.93))
            {
                var verified = submitted + TimeSpan.FromHours(r.Uniform(2, agencyLate ? 120 : 60));
                Enqueue(new BudgetEvent(BudgetEventKind.Report, 0, 0, null, report with { Verified = true }), verified.UtcTicks);
            }
        }
    }

    /// <summary>The next planned SP2D comes now instead, dated today (a demo wall sees spending arrive).</summary>
    protected override void DemoEvent(DateTimeOffset at)
    {
        var skipped = new List<(BudgetEvent Event, long Due)>();
        SimPayment? p = null;
        while (skipped.Count < 64 && TryDequeue(out var next, out var due))
        {
            if (next.Kind == BudgetEventKind.Pay && next.Payment!.Date.Year == Wib.DateOf(at).Year)
            {
                p = next.Payment;
                break;
            }
            skipped.Add((next, due));
        }
        foreach (var (e, due) in skipped)
        {
            Enqueue(e, due);
        }
        if (p is not null)
        {
            var moved = p with { Date = Wib.DateOf(at) };
            _paymentStore.Upsert(moved.Id, moved, at);
        }
    }
}

internal enum BudgetEventKind : byte { YearOpen, MonthOpen, Revise, Pay, Cancel, Withdraw, Report }

/// <summary>Something the simulator will do at a queued time: a year or month to plan, an SP2D to issue or cancel, a report.</summary>
internal sealed record BudgetEvent(BudgetEventKind Kind, int Year, int Month, SimPayment? Payment, SimProgress? Progress);
