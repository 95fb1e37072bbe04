using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Dashboard.Simulators.Licensing;

/// <summary>
/// Simulates the licensing gateway (docs/SOURCES.md §8). Applications follow their planned lifecycle
/// (<see cref="LifecycleSimulator{TPlan, TEvent, TVersion}"/>); NIB arrive day by day and LKPM reports quarter by quarter,
/// both drawn deterministically per day or quarter and served once their time has come; permit types and investment
/// targets are bare arrays. Every fault switch applies to every endpoint.
/// </summary>
public sealed class LicensingSimulator : LifecycleSimulator<PermitPlan, PermitEvent, PermitVersion>
{
    public const string PermitTypesPath = "/v1/permit-types";
    public const string ApplicationsPath = "/v1/applications";
    public const string BusinessIdsPath = "/v1/business-ids";
    public const string ReportsPath = "/v1/investment-reports";
    public const string TargetsPath = "/v1/investment-targets";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<int, int> _sequenceByYear = [];
    private readonly SimulatorStore<NibVersion> _nibs;
    private readonly SimulatorStore<ReportVersion> _reports;
    private readonly SimulatorFeed<NibVersion> _nibFeed;
    private readonly SimulatorFeed<ReportVersion> _reportFeed;
    private DateOnly _nibDay;
    private DateTimeOffset _historyStart;
    private long _created;

    public LicensingSimulator(TimeProvider time, IOptions<SimulatorOptions> options, string apiKey)
        : this(time, (options ?? throw new ArgumentNullException(nameof(options))).Value, apiKey)
    {
    }

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public LicensingSimulator(TimeProvider time, SimulatorOptions options, string apiKey)
        : base(time, options, apiKey, LicensingIndicators.Source, LicensingExtensions.SimulatorBasePath, ApplicationsPath, (-181, -182),
            (w, v) => LicensingSimulatorData.WriteApplication(w, v, options), LicensingSimulatorData.UnknownEnumValues)
    {
        _nibs = new SimulatorStore<NibVersion>(Faults);
        _reports = new SimulatorStore<ReportVersion>(Faults);
        _nibFeed = new SimulatorFeed<NibVersion>(_nibs, Faults, time, apiKey,
            (w, n) => LicensingSimulatorData.WriteNib(w, n, options), LicensingSimulatorData.UnknownEnumValues, RefreshTimed);
        _reportFeed = new SimulatorFeed<ReportVersion>(_reports, Faults, time, apiKey,
            LicensingSimulatorData.WriteReport, LicensingSimulatorData.UnknownEnumValues, RefreshTimed);
        Start();
    }

    /// <summary>Records served over every paged resource, tombstones included.</summary>
    public override int Count => Store.Count + _nibs.Count + _reports.Count;

    protected override double MaxHourlyRate => LicensingSimulatorData.MaxHourlyRate;

    protected override double HourlyRate(DateTimeOffset at) => LicensingSimulatorData.HourlyRate(at);

    protected override void OnHistoryStart(DateTimeOffset start)
    {
        _historyStart = start;
        var local = start.ToOffset(LicensingSimulatorData.Wib);
        _sequenceByYear[local.Year] = (local.DayOfYear - 1) * 33;
    }

    protected override void BuildHistory()
    {
        base.BuildHistory();
        _nibDay = DateOnly.FromDateTime(_historyStart.ToOffset(LicensingSimulatorData.Wib).DateTime);
        AddTimed(Time.GetUtcNow());
    }

    protected override PermitPlan CreatePlan(DateTimeOffset at)
    {
        var year = at.ToOffset(LicensingSimulatorData.Wib).Year;
        var sequence = _sequenceByYear.GetValueOrDefault(year) + 1;
        _sequenceByYear[year] = sequence;
        return LicensingSimulatorData.CreatePlan(
            string.Create(CultureInfo.InvariantCulture, $"PRM-{year}-{sequence:D6}"), at, SimulatorRandom.For(Options.Seed, 2_000_000_000L + ++_created));
    }

    protected override PermitVersion CreateVersion(PermitPlan plan, int applied) => new(plan, plan.Events, applied);

    protected override IReadOnlyList<PermitEvent> Resume(PermitVersion version, DateTimeOffset now) => [LicensingSimulatorData.Resume(version, now)];

    protected override PermitEvent Withdrawal(long utcTicks) => new(utcTicks, PermitEventKind.Deleted);

    protected override void MapResources(IEndpointRouteBuilder routes)
    {
        base.MapResources(routes);
        routes.MapGet(BasePath + BusinessIdsPath, _nibFeed.HandleAsync);
        routes.MapGet(BasePath + ReportsPath, _reportFeed.HandleAsync);
        routes.MapGet(BasePath + PermitTypesPath, context => ServeArrayAsync(context, null));
        routes.MapGet(BasePath + TargetsPath, context => ServeArrayAsync(context, "year"));
    }

    /// <summary>Ids of the NIB served (a copy).</summary>
    public IReadOnlyCollection<string> NibIds => _nibs.Ids(deleted: false);

    /// <summary>Withdraws a NIB now (it is served as a tombstone). False for an unknown or withdrawn one.</summary>
    public bool WithdrawNib(string id)
    {
        lock (Gate)
        {
            RefreshTimed();
            return _nibs.Delete(id, SimulatorJson.Truncate(Time.GetUtcNow()));
        }
    }

    /// <summary>Brings the applications up to now, then the NIB and LKPM reports whose time has come.</summary>
    private void RefreshTimed()
    {
        lock (Gate)
        {
            Refresh();
            AddTimed(Time.GetUtcNow());
        }
    }

    private void AddTimed(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(LicensingSimulatorData.Wib).DateTime);
        for (; _nibDay <= today; _nibDay = _nibDay.AddDays(1))
        {
            foreach (var (id, nib) in LicensingSimulatorData.NibsOf(_nibDay, Options.Seed))
            {
                if (nib.IssuedAt > now)
                {
                    // Later today: served once its time has come (today is drawn again on every refresh).
                    continue;
                }
                if (!_nibs.TryGet(id, out _))
                {
                    _nibs.Upsert(id, nib, nib.IssuedAt);
                }
            }
        }
        if (_nibDay > today)
        {
            _nibDay = today;
        }
        var start = _historyStart.ToOffset(LicensingSimulatorData.Wib);
        for (var year = start.Year - 1; year <= today.Year; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var reported = LicensingSimulatorData.ReportedAt(year, quarter);
                if (reported > now || reported < _historyStart.AddDays(-460))
                {
                    continue;
                }
                foreach (var (id, report) in LicensingSimulatorData.ReportsOf(year, quarter, Options.Seed))
                {
                    if (!_reports.TryGet(id, out _))
                    {
                        _reports.Upsert(id, report, reported);
                    }
                }
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> files submitted now (NIB and reports follow the clock).</summary>
    public override IReadOnlyList<string> Generate(int count)
    {
        var ids = base.Generate(count);
        RefreshTimed();
        return ids;
    }

    // ---- Not paged: permit types and investment targets -----------------------------------------------------

    private async Task ServeArrayAsync(HttpContext context, string? yearParameter)
    {
        if (!SimulatorHttp.IsAuthorized(context.Request, ApiKey))
        {
            await SimulatorHttp.WriteUnauthorizedAsync(context);
            return;
        }
        var year = 0;
        if (yearParameter is not null &&
            (!context.Request.Query.TryGetValue(yearParameter, out var text) || text.Count != 1 ||
             !int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100))
        {
            await SimulatorHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_parameter", "year must be a year from 2000 to 2100.");
            return;
        }
        if (await SimulatorHttp.AnsweredByFaultAsync(context, Faults, Time))
        {
            return;
        }

        var rows = yearParameter is null ? PermitTypeRows() : TargetRows(year);
        var duplicate = rows.Count > 0 && Faults.TakeDuplicatePage() ? Faults.NextRandom(rows.Count) : -1;
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            for (var i = 0; i < rows.Count; i++)
            {
                WriteRow(writer, rows[i]);
                if (i == duplicate)
                {
                    WriteRow(writer, rows[i]);
                }
            }
            writer.WriteEndArray();
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static List<Dictionary<string, object?>> PermitTypeRows() =>
    [
        .. LicensingSimulatorData.Types.Select(t => new Dictionary<string, object?>
        {
            ["code"] = t.Code, ["name"] = t.Name, ["channel"] = t.Channel, ["sla_days"] = t.SlaDays,
            ["technical_agency_code"] = t.Agency, ["retribution"] = t.Retribution,
            ["updated_at"] = SimulatorJson.FormatTimestamp(LicensingSimulatorData.TypesRevisedAt),
        }),
    ];

    private List<Dictionary<string, object?>> TargetRows(int year)
    {
        var adopted = LicensingSimulatorData.TargetsAdoptedAt(year);
        if (adopted > Time.GetUtcNow())
        {
            return [];
        }
        var (pmdn, pma) = LicensingSimulatorData.TargetsOf(year);
        return
        [
            new() { ["year"] = year, ["kind"] = "PMDN", ["target"] = pmdn, ["updated_at"] = SimulatorJson.FormatTimestamp(adopted) },
            new() { ["year"] = year, ["kind"] = "PMA", ["target"] = pma, ["updated_at"] = SimulatorJson.FormatTimestamp(adopted) },
        ];
    }

    /// <summary>A row as served, or broken by the armed item faults (a wrong type, an unannounced field, an unknown enum).</summary>
    private void WriteRow(Utf8JsonWriter writer, Dictionary<string, object?> row)
    {
        var values = new Dictionary<string, object?>(row, StringComparer.Ordinal);
        if (Faults.TakeMalformed())
        {
            values[values.ContainsKey("sla_days") ? "sla_days" : "target"] = "bukan angka";
        }
        if (Faults.TakeUnknownField())
        {
            values["catatan_internal"] = "kolom baru";
        }
        if (Faults.TakeUnknownEnum())
        {
            if (values.ContainsKey("channel"))
            {
                values["channel"] = "sipd";
            }
            else
            {
                values["kind"] = "PMDN_KHUSUS";
            }
        }
        writer.WriteStartObject();
        foreach (var (name, value) in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteNull(name);
                    break;
                case string s:
                    writer.WriteString(name, s);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    writer.WriteNumber(name, l);
                    break;
                default:
                    writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
        writer.WriteEndObject();
    }
}
