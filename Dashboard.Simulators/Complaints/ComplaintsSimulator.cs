using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace Dashboard.Simulators.Complaints;

/// <summary>
/// Simulates SP4N-LAPOR!/SAMBAT (docs/SOURCES.md §1): serves <c>GET {BasePath}/v1/complaints</c> and the control
/// endpoints (<see cref="SimulatorControl"/>). Complaints arrive at the calibrated rate (<see cref="ComplaintsSimulatorData"/>)
/// and follow their planned lifecycle (<see cref="LifecycleSimulator{TPlan, TEvent, TVersion}"/>).
/// </summary>
public sealed class ComplaintsSimulator : LifecycleSimulator<ComplaintPlan, ComplaintEvent, ComplaintVersion>
{
    public const string ResourcePath = "/v1/complaints";

    private readonly Dictionary<int, int> _sequenceByYear = [];
    private readonly SimulatorRandom _actions;
    private long _created;
    private int _bulkBatches;

    public ComplaintsSimulator(TimeProvider time, IOptions<SimulatorOptions> options, string apiKey)
        : this(time, (options ?? throw new ArgumentNullException(nameof(options))).Value, apiKey)
    {
    }

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public ComplaintsSimulator(TimeProvider time, SimulatorOptions options, string apiKey)
        : base(time, options, apiKey, "Complaints", ComplaintsExtensions.SimulatorBasePath, ResourcePath, (-1, -2),
            (w, v) => ComplaintsSimulatorData.WritePayload(w, v, options), ComplaintsSimulatorData.UnknownEnumValues)
    {
        _actions = SimulatorRandom.For(options.Seed, -3);
        Start();
    }

    /// <summary>
    /// Adds <paramref name="count"/> complaints spread uniformly over the history window (at least a day), with
    /// their lifecycles as of now, loaded in one sort: volume for benchmarks (a million takes seconds).
    /// </summary>
    public void GenerateBulk(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            Advance();
            var now = Time.GetUtcNow();
            var window = TimeSpan.FromDays(Math.Max(Options.HistoryDays, 1));
            var random = SimulatorRandom.For(Options.Seed, -1000 - (++_bulkBatches));
            var offsets = new long[count];
            for (var i = 0; i < count; i++)
            {
                offsets[i] = (long)(random.NextDouble() * window.Ticks);
            }
            Array.Sort(offsets);
            var plans = new List<ComplaintPlan>(count);
            foreach (var offset in offsets)
            {
                plans.Add(NewPlan(now - window + TimeSpan.FromTicks(offset)));
            }
            Records.Load(plans, now);
        }
    }

    protected override double MaxHourlyRate => ComplaintsSimulatorData.MaxHourlyRate;

    protected override double HourlyRate(DateTimeOffset at) => ComplaintsSimulatorData.HourlyRate(at);

    /// <summary>Ids continue a yearly series that did not start with our history: LPR-2026-000123 in March, not 000001.</summary>
    protected override void OnHistoryStart(DateTimeOffset start)
    {
        var local = start.ToOffset(ComplaintsSimulatorData.Wib);
        _sequenceByYear[local.Year] = (local.DayOfYear - 1) * 14;
    }

    protected override ComplaintPlan CreatePlan(DateTimeOffset at)
    {
        var year = at.ToOffset(ComplaintsSimulatorData.Wib).Year;
        var sequence = _sequenceByYear.GetValueOrDefault(year) + 1;
        _sequenceByYear[year] = sequence;
        return ComplaintsSimulatorData.CreatePlan($"LPR-{year}-{sequence:D6}", at, SimulatorRandom.For(Options.Seed, ++_created));
    }

    protected override ComplaintVersion CreateVersion(ComplaintPlan plan, int applied) => new(plan, plan.Events, applied);

    protected override IReadOnlyList<ComplaintEvent> Resume(ComplaintVersion version, DateTimeOffset now) =>
        ComplaintsSimulatorData.Resume(version, now, _actions);

    protected override ComplaintEvent Withdrawal(long utcTicks) => new(utcTicks, ComplaintEventKind.Withdrawn);
}
