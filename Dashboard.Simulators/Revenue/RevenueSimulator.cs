using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Dashboard.Simulators.Revenue.RevenueSimulatorData;

namespace Dashboard.Simulators.Revenue;

/// <summary>
/// Simulates Bapenda's revenue system (docs/SOURCES.md §3): serves <c>GET {BasePath}/v1/targets?year=</c> (not paged),
/// <c>/v1/payments</c> and <c>/v1/pbb-assessments</c> and the control endpoints. Self-assessed taxpayers pay every
/// month (billboards once a year), BPHTB transfers arrive through the working day, Samsat transfers the opsen every
/// working day, retribution units deposit weekly, and PBB assessments issued on 2 March are paid mostly before the
/// 31 July due date and in the December campaign, some a year late, some never. A few payments are reversed
/// (a reversal is its own item) or withdrawn (a tombstone). Targets are adopted on 28 November for the next year and
/// revised (APBD-P) on 25 September. The history (<see cref="SimulatorOptions.HistoryDays"/> plus
/// <see cref="RevenueSimulatorOptions.ComparisonDays"/>) is built on first use, as of construction time; the same
/// seed and start time always give the same data.
/// </summary>
internal sealed class RevenueSimulator : ScheduledSimulator<SimEvent>
{
    public const string TargetsPath = "/v1/targets";
    public const string PaymentsPath = "/v1/payments";
    public const string AssessmentsPath = "/v1/pbb-assessments";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RevenueSimulatorOptions _revenue;
    private readonly DateTimeOffset _anchor;
    private readonly SimulatorStore<SimPayment> _paymentStore;
    private readonly SimulatorStore<AssessmentVersion> _assessmentStore;
    private readonly SimulatorFeed<SimPayment> _paymentFeed;
    private readonly SimulatorFeed<AssessmentVersion> _assessmentFeed;
    private readonly List<SimTaxpayer> _taxpayers = [];
    private readonly List<SimObject> _objects = [];
    private readonly Dictionary<string, double> _compliance = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long[]> _due = [];
    private readonly Dictionary<int, long[]> _paid = [];
    private Dictionary<string, SimulatorRecord<SimPayment>>? _bulkPayments;
    private Dictionary<string, SimulatorRecord<AssessmentVersion>>? _bulkAssessments;
    private long _startTicks;

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public RevenueSimulator(TimeProvider time, SimulatorOptions options, RevenueSimulatorOptions revenue, string apiKey)
        : base(time, options, apiKey, RevenueIndicators.Source, RevenueExtensions.SimulatorBasePath, -31)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        _revenue = revenue;
        _anchor = time.GetUtcNow();
        _paymentStore = Serve(RevenuePayload.Payments, new SimulatorStore<SimPayment>(Faults));
        _assessmentStore = Serve(RevenuePayload.Assessments, new SimulatorStore<AssessmentVersion>(Faults));
        _paymentFeed = new SimulatorFeed<SimPayment>(_paymentStore, Faults, time, apiKey, WritePayment, UnknownPaymentValues, Refresh);
        _assessmentFeed = new SimulatorFeed<AssessmentVersion>(_assessmentStore, Faults, time, apiKey, WriteAssessment, null, Refresh);
    }

    /// <summary>The first instant of the served payments.</summary>
    public DateTimeOffset HistoryStart => _anchor - TimeSpan.FromDays(Options.HistoryDays + _revenue.ComparisonDays);

    /// <summary>Source ids of a resource's live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds(string resource) => RecordIds(resource, deleted: false);

    /// <summary>Source ids of a resource's tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds(string resource) => RecordIds(resource, deleted: true);

    /// <summary>Serves a record again as of now, unchanged (a source re-sending a corrected item).</summary>
    /// <returns>False for an unknown resource or id, or a tombstone.</returns>
    public bool Touch(string resource, string id) => TouchRecord(resource, id);

    /// <summary>Withdraws a record now: from then on it is served as a tombstone.</summary>
    public bool Withdraw(string resource, string id) => WithdrawRecord(resource, id);

    protected override void MapResources(IEndpointRouteBuilder routes)
    {
        routes.MapGet(BasePath + TargetsPath, HandleTargetsAsync);
        routes.MapGet(BasePath + PaymentsPath, _paymentFeed.HandleAsync);
        routes.MapGet(BasePath + AssessmentsPath, _assessmentFeed.HandleAsync);
    }

    /// <summary>Adds <paramref name="count"/> QRIS restaurant-tax payments (a top-up of a declaration) now; returns their ids.</summary>
    public override IReadOnlyList<string> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            Refresh();
            var now = Seconds(Time.GetUtcNow());
            var restaurants = _taxpayers.Where(t => t.Code == CodeIndex("PBJT_MAKAN_MINUM")).ToList();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var t = restaurants[Demo.Next(restaurants.Count)];
                var year = Dashboard.Ingest.Shared.Wib.DateOf(new DateTimeOffset(now, TimeSpan.Zero)).Year;
                var amount = (long)Math.Max(10_000, Collected(Codes[t.Code], year) / 12 * t.Share * Demo.Uniform(0.05, 0.2));
                var p = new SimPayment
                {
                    Id = PaymentId(now, Demo), Code = t.Code, TaxpayerId = t.Npwpd, Kelurahan = t.Kelurahan, Amount = amount,
                    PaidTicks = now, Channel = 1,
                };
                PutPayment(p, now);
                ids.Add(p.Id);
            }
            return ids;
        }
    }

    /// <summary>The targets of <paramref name="year"/> as served now: none before adoption, the APBD-P figures after revision.</summary>
    internal static IReadOnlyList<(RevenueCodeSpec Spec, long Target, DateTimeOffset RevisedAt)> TargetsAt(int year, DateTimeOffset now)
    {
        if (now < Adopted(year))
        {
            return [];
        }
        var revised = now >= Revised(year);
        return [.. Codes.Select(spec => revised && spec.Revision != 1
            ? (spec, RevisedTarget(spec, year), Revised(year))
            : (spec, OriginalTarget(spec, year), Adopted(year)))];
    }

    // ---- Targets (not paged) -------------------------------------------------------------------------------

    private async Task HandleTargetsAsync(HttpContext context)
    {
        if (!SimulatorHttp.IsAuthorized(context.Request, ApiKey))
        {
            await SimulatorHttp.WriteUnauthorizedAsync(context);
            return;
        }
        if (!context.Request.Query.TryGetValue("year", out var text) || text.Count != 1 ||
            !int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            await SimulatorHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_parameter", "year must be a year from 2000 to 2100.");
            return;
        }
        if (await SimulatorHttp.AnsweredByFaultAsync(context, Faults, Time))
        {
            return;
        }

        var rows = TargetsAt(year, Time.GetUtcNow());
        var duplicate = rows.Count > 0 && Faults.TakeDuplicatePage() ? Faults.NextRandom(rows.Count) : -1;
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            for (var i = 0; i < rows.Count; i++)
            {
                WriteTargetItem(writer, year, rows[i]);
                if (i == duplicate)
                {
                    WriteTargetItem(writer, year, rows[i]);
                }
            }
            writer.WriteEndArray();
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private void WriteTargetItem(Utf8JsonWriter writer, int year, (RevenueCodeSpec Spec, long Target, DateTimeOffset RevisedAt) row)
    {
        var malformed = Faults.TakeMalformed();
        var unknownField = Faults.TakeUnknownField();
        var unknownEnum = Faults.TakeUnknownEnum();
        if (!malformed && !unknownField && !unknownEnum)
        {
            WriteTarget(writer, row.Spec, year, row.Target, row.RevisedAt);
            return;
        }
        var scratch = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(scratch, WriterOptions))
        {
            WriteTarget(w, row.Spec, year, row.Target, row.RevisedAt);
        }
        var item = JsonNode.Parse(scratch.WrittenSpan)!.AsObject();
        if (unknownEnum)
        {
            SimulatorJson.AddUnknownEnum(item, UnknownTargetValues, Faults.NextRandom);
        }
        if (unknownField)
        {
            SimulatorJson.AddUnknownFields(item, Faults.NextRandom);
        }
        if (malformed)
        {
            SimulatorJson.Malform(item, Faults.NextRandom);
        }
        item.WriteTo(writer);
    }

    // ---- History ---------------------------------------------------------------------------------------------

    protected override void BuildHistory()
    {
        var start = HistoryStart;
        _startTicks = start.UtcTicks;
        var startDay = Dashboard.Ingest.Shared.Wib.DateOf(start);
        _bulkPayments = new Dictionary<string, SimulatorRecord<SimPayment>>(StringComparer.Ordinal);
        _bulkAssessments = new Dictionary<string, SimulatorRecord<AssessmentVersion>>(StringComparer.Ordinal);
        CreateTaxpayers();
        CreateObjects();

        Enqueue(new SimEvent(SimEventKind.YearIssue, startDay.Year, null), PbbIssued(startDay.Year).UtcTicks);
        Enqueue(new SimEvent(SimEventKind.MonthOpen, new DateOnly(startDay.Year, startDay.Month, 1).DayNumber, null),
            LocalTime(new DateOnly(startDay.Year, startDay.Month, 1), 0.1).UtcTicks);
        Enqueue(new SimEvent(SimEventKind.DayOpen, startDay.DayNumber, null), LocalTime(startDay, 0.05).UtcTicks);

        Run(_anchor.UtcTicks);

        _paymentStore.Load(_bulkPayments.Values);
        _assessmentStore.Load(_bulkAssessments.Values);
        _bulkPayments = null;
        _bulkAssessments = null;
        StartDemo(_anchor);
    }

    private void CreateTaxpayers()
    {
        var r = SimulatorRandom.For(Options.Seed, -30);
        var places = new WeightedChoice<string>(Kelurahan.Select(k => (k, BusinessWeight(k[..8]))));
        var codes = TaxpayerCodes.Values;
        for (var i = 0; i < _revenue.Taxpayers; i++)
        {
            // Every self-assessed tax has at least one taxpayer, then by share.
            var code = i < codes.Count ? codes[i] : TaxpayerCodes.Pick(r);
            _taxpayers.Add(new SimTaxpayer
            {
                Index = i,
                Npwpd = Npwpd(2, 1 + i),
                Code = code,
                Kelurahan = places.Pick(r),
                Size = r.LogNormal(1, 1.1),
                RenewalMonth = RenewalMonths.Pick(r),
            });
        }
        foreach (var group in _taxpayers.GroupBy(t => t.Code))
        {
            var total = group.Sum(t => t.Size);
            foreach (var t in group)
            {
                t.Share = t.Size / total;
            }
        }
    }

    private void CreateObjects()
    {
        var r = SimulatorRandom.For(Options.Seed, -32);
        var weights = Kelurahan.Select(k => (k, r.Uniform(0.6, 1.4))).ToList();
        foreach (var (k, _) in weights)
        {
            // Lurah differ: some kelurahan collect far better than others (the mayor ranks them).
            _compliance[k] = r.Uniform(0.72, 0.96);
        }
        var places = new WeightedChoice<string>(weights);
        var perKelurahan = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _revenue.PbbObjects; i++)
        {
            var k = i < Kelurahan.Count ? Kelurahan[i] : places.Pick(r);
            var n = perKelurahan.GetValueOrDefault(k);
            perKelurahan[k] = n + 1;
            _objects.Add(new SimObject { Index = i, Nop = Nop(k, n), Kelurahan = k, Base = r.LogNormal(1, 0.9) });
        }
    }

    // ---- Time ------------------------------------------------------------------------------------------------

    protected override void Apply(SimEvent e, long ticks)
    {
        switch (e.Kind)
        {
            case SimEventKind.YearIssue:
                IssueYear(e.Value, ticks);
                break;
            case SimEventKind.MonthOpen:
                OpenMonth(DateOnly.FromDayNumber(e.Value));
                break;
            case SimEventKind.DayOpen:
                OpenDay(DateOnly.FromDayNumber(e.Value));
                break;
            case SimEventKind.Pay:
                Pay(e.Payment!, ticks);
                break;
            case SimEventKind.Withdraw:
                WithdrawPayment(e.Payment!, ticks);
                break;
            default:
                break;
        }
    }

    /// <summary>SPPT massal: every object's assessment of the year, and when (if ever) each is paid.</summary>
    private void IssueYear(int year, long ticks)
    {
        Enqueue(new SimEvent(SimEventKind.YearIssue, year + 1, null), PbbIssued(year + 1).UtcTicks);
        var scale = PbbAssessed(year) / _objects.Sum(o => o.Base);
        var due = new long[_objects.Count];
        _due[year] = due;
        _paid[year] = new long[_objects.Count];
        foreach (var o in _objects)
        {
            due[o.Index] = Math.Max(5_000, (long)Math.Round(o.Base * scale / 1000) * 1000);
            PutAssessment(o, year, ticks);
            var r = SimulatorRandom.For(Options.Seed, 30_000_000_000L + (year * 10_000_000L) + o.Index);
            var c = _compliance[o.Kelurahan];
            var u = r.NextDouble();
            if (u < c)
            {
                var at = PbbPaymentTime(year, r);
                if (r.Chance(0.1))
                {
                    // Two instalments, the second one to three months later (still within the year).
                    var half = due[o.Index] / 2;
                    var later = Math.Min(at.UtcTicks + TimeSpan.FromDays(r.Uniform(30, 90)).Ticks, LocalTime(new DateOnly(year, 12, 30), 10).UtcTicks);
                    PlanPbb(o, year, half, at.UtcTicks, r);
                    PlanPbb(o, year, due[o.Index] - half, later, r);
                }
                else
                {
                    PlanPbb(o, year, due[o.Index], at.UtcTicks, r);
                }
            }
            else if (u < c + ((1 - c) * 0.4))
            {
                // Paid a year late (arrears), in the first half of the next year.
                var day = new DateOnly(year + 1, 1, 10).AddDays(r.Next(170));
                PlanPbb(o, year, due[o.Index], LocalTime(day, 7 + r.Uniform(0, 14)).UtcTicks, r);
            }
        }
    }

    /// <summary>Before the due date (a rush in July), after it, or in the December campaign (Gebyar Sadar Pajak).</summary>
    private static DateTimeOffset PbbPaymentTime(int year, SimulatorRandom r)
    {
        var u = r.NextDouble();
        DateOnly day;
        if (u < 0.25)
        {
            day = new DateOnly(year, 3, 3).AddDays(r.Next(120));
        }
        else if (u < 0.65)
        {
            day = new DateOnly(year, 7, 31).AddDays(-(int)(r.NextDouble() * r.NextDouble() * 30));
        }
        else if (u < 0.82)
        {
            day = new DateOnly(year, 8, 1).AddDays(r.Next(122));
        }
        else
        {
            day = new DateOnly(year, 12, 1).AddDays(r.Next(20));
        }
        return LocalTime(day, 7 + r.Uniform(0, 15));
    }

    private void PlanPbb(SimObject o, int year, long amount, long ticks, SimulatorRandom r)
    {
        ticks = Seconds(new DateTimeOffset(ticks, TimeSpan.Zero));
        var p = new SimPayment
        {
            Id = PaymentId(ticks, r), Code = Pbb, TaxpayerId = o.Nop, Kelurahan = o.Kelurahan, Amount = amount, PaidTicks = ticks,
            Channel = PbbChannels.Pick(r), PbbObject = o.Index, PbbYear = year,
        };
        Enqueue(new SimEvent(SimEventKind.Pay, 0, p), ticks);
    }

    /// <summary>Each self-assessed taxpayer's payment of the month (billboards: the renewal month's only).</summary>
    private void OpenMonth(DateOnly first)
    {
        var next = first.AddMonths(1);
        Enqueue(new SimEvent(SimEventKind.MonthOpen, next.DayNumber, null), LocalTime(next, 0.1).UtcTicks);
        var month = (first.Year * 12) + first.Month;
        var reklame = CodeIndex("REKLAME");
        foreach (var t in _taxpayers)
        {
            var r = SimulatorRandom.For(Options.Seed, 10_000_000_000L + (month * 1_000_000L) + t.Index);
            var spec = Codes[t.Code];
            double amount;
            if (t.Code == reklame)
            {
                if (t.RenewalMonth != first.Month)
                {
                    continue;
                }
                amount = Collected(spec, first.Year) * t.Share * r.Uniform(0.9, 1.1);
            }
            else
            {
                amount = Collected(spec, first.Year) / 12 * t.Share * Season[first.Month - 1] * r.Uniform(0.85, 1.15);
            }
            var day = first.AddDays(Math.Min(DateTime.DaysInMonth(first.Year, first.Month) - 1, (int)r.LogNormal(7, 0.5)));
            Plan(t.Code, t.Npwpd, t.Kelurahan, amount, LocalTime(day, 8 + r.Uniform(0, 13)), SelfAssessedChannels.Pick(r), r);
        }
    }

    /// <summary>A working day's BPHTB transfers, Samsat's opsen transfers and the retribution units' weekly deposits.</summary>
    private void OpenDay(DateOnly day)
    {
        var next = day.AddDays(1);
        Enqueue(new SimEvent(SimEventKind.DayOpen, next.DayNumber, null), LocalTime(next, 0.05).UtcTicks);
        if (!Dashboard.Ingest.Shared.WorkingCalendar.WeekendsOnly.IsWorkingDay(day))
        {
            return;
        }
        var r = SimulatorRandom.For(Options.Seed, 20_000_000_000L + day.DayNumber);
        var weekday = (int)day.DayOfWeek - 1;

        foreach (var code in Opsen)
        {
            Plan(code, SamsatTaxpayer, null, Collected(Codes[code], day.Year) / 250 * r.Uniform(0.7, 1.3), LocalTime(day, 15 + r.Uniform(0, 1)), 0, r);
        }

        var perYear = BphtbPerYear(_revenue.Taxpayers);
        var mean = Collected(Codes[Bphtb], day.Year) / perYear;
        var hours = 8.0;
        while (true)
        {
            hours += r.Exponential(8.0 * 250 / perYear);
            if (hours >= 16)
            {
                break;
            }
            // Log-normal values with the calibrated mean: most transfers are houses, a few are large plots.
            var amount = mean * r.LogNormal(1, 0.9) / Math.Exp(0.405);
            Plan(Bphtb, Npwpd(1, 1 + r.Next(9_999_998)), r.Pick(Kelurahan), amount, LocalTime(day, hours), SelfAssessedChannels.Pick(r), r);
        }

        foreach (var (code, units) in RetributionUnits)
        {
            for (var u = 0; u < units.Length; u++)
            {
                if ((u + code) % 5 != weekday)
                {
                    continue;
                }
                var amount = Collected(Codes[code], day.Year) / (units.Length * 52.0) * r.Uniform(0.7, 1.3);
                var payer = string.Create(CultureInfo.InvariantCulture, $"R.0.{code:D2}{u:D5}.35.73");
                Plan(code, payer, units[u], amount, LocalTime(day, 14 + r.Uniform(0, 2)), 0, r);
            }
        }
    }

    /// <summary>Queues a payment; a few are reversed later (a reversal item) or withdrawn (a tombstone).</summary>
    private void Plan(int code, string taxpayer, string? kelurahan, double amount, DateTimeOffset at, byte channel, SimulatorRandom r)
    {
        var ticks = Seconds(at);
        if (ticks < _startTicks)
        {
            return;
        }
        var p = new SimPayment
        {
            Id = PaymentId(ticks, r), Code = code, TaxpayerId = taxpayer, Kelurahan = kelurahan,
            Amount = Math.Max(1_000, (long)Math.Round(amount)), PaidTicks = ticks, Channel = channel,
        };
        Enqueue(new SimEvent(SimEventKind.Pay, 0, p), ticks);
        if (kelurahan is null)
        {
            return;
        }
        var fate = r.NextDouble();
        if (fate < 0.003)
        {
            var reversedAt = Seconds(new DateTimeOffset(ticks, TimeSpan.Zero) + TimeSpan.FromHours(r.Uniform(1, 72)));
            var reversal = new SimPayment
            {
                Id = p.Id + "-R", Code = code, TaxpayerId = taxpayer, Kelurahan = kelurahan, Amount = p.Amount,
                PaidTicks = reversedAt, Channel = channel, Reversal = true,
            };
            Enqueue(new SimEvent(SimEventKind.Pay, 0, reversal), reversedAt);
        }
        else if (fate < 0.004)
        {
            Enqueue(new SimEvent(SimEventKind.Withdraw, 0, p), Seconds(new DateTimeOffset(ticks, TimeSpan.Zero) + TimeSpan.FromHours(r.Uniform(0.2, 24))));
        }
    }

    private void Pay(SimPayment p, long ticks)
    {
        if (p.PbbObject >= 0)
        {
            var o = _objects[p.PbbObject];
            _paid[p.PbbYear][o.Index] += p.Amount;
            PutAssessment(o, p.PbbYear, ticks);
        }
        if (p.PaidTicks >= _startTicks)
        {
            PutPayment(p, ticks);
        }
    }

    /// <summary>The next planned payment comes now instead (a demo wall sees money arrive; calibrated totals stay).</summary>
    protected override void DemoEvent(DateTimeOffset at)
    {
        // Withdrawals, reversals and planning steps are not brought forward: look past a few of them.
        var skipped = new List<(SimEvent Event, long Due)>();
        SimPayment? p = null;
        while (skipped.Count < 32 && TryDequeue(out var next, out var due))
        {
            if (next.Kind == SimEventKind.Pay && !next.Payment!.Reversal)
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
        if (p is null)
        {
            return;
        }
        var ticks = Seconds(at);
        var moved = new SimPayment
        {
            Id = p.Id, Code = p.Code, TaxpayerId = p.TaxpayerId, Kelurahan = p.Kelurahan, Amount = p.Amount, PaidTicks = ticks,
            Channel = p.Channel, PbbObject = p.PbbObject, PbbYear = p.PbbYear,
        };
        Pay(moved, ticks);
    }

    // ---- Serving ---------------------------------------------------------------------------------------------

    private void PutPayment(SimPayment p, long ticks)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkPayments is not null)
        {
            _bulkPayments[p.Id] = new SimulatorRecord<SimPayment>(p.Id, p, at, false);
        }
        else
        {
            _paymentStore.Upsert(p.Id, p, at);
        }
    }

    private void WithdrawPayment(SimPayment p, long ticks)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkPayments is not null)
        {
            if (_bulkPayments.ContainsKey(p.Id))
            {
                _bulkPayments[p.Id] = new SimulatorRecord<SimPayment>(p.Id, p, at, true);
            }
        }
        else
        {
            _paymentStore.Delete(p.Id, at);
        }
    }

    private void PutAssessment(SimObject o, int year, long ticks)
    {
        var id = AssessmentId(o, year);
        var version = new AssessmentVersion(o, year, _due[year][o.Index], _paid[year][o.Index]);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkAssessments is not null)
        {
            _bulkAssessments[id] = new SimulatorRecord<AssessmentVersion>(id, version, at, false);
        }
        else
        {
            _assessmentStore.Upsert(id, version, at);
        }
    }

}

internal enum SimEventKind : byte { YearIssue, MonthOpen, DayOpen, Pay, Withdraw }

/// <summary>Something the simulator will do at a queued time: a year, month or day to plan, or a planned payment.</summary>
internal readonly record struct SimEvent(SimEventKind Kind, int Value, SimPayment? Payment);
