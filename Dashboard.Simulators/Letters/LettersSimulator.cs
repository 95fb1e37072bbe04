using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace Dashboard.Simulators.Letters;

/// <summary>
/// Simulates the kelurahan letter service (docs/SOURCES.md §6): serves <c>GET {BasePath}/v1/letters</c> and the control
/// endpoints (<see cref="SimulatorControl"/>). Requests arrive at the calibrated rate (<see cref="LettersSimulatorData"/>)
/// and follow their planned lifecycle (<see cref="LifecycleSimulator{TPlan, TEvent, TVersion}"/>).
/// </summary>
public sealed class LettersSimulator : LifecycleSimulator<LetterPlan, LetterEvent, LetterVersion>
{
    public const string ResourcePath = "/v1/letters";

    private readonly Dictionary<int, int> _sequenceByYear = [];
    private long _created;

    public LettersSimulator(TimeProvider time, IOptions<SimulatorOptions> options, string apiKey)
        : this(time, (options ?? throw new ArgumentNullException(nameof(options))).Value, apiKey)
    {
    }

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public LettersSimulator(TimeProvider time, SimulatorOptions options, string apiKey)
        : base(time, options, apiKey, "Letters", LettersExtensions.SimulatorBasePath, ResourcePath, (-101, -102),
            LettersSimulatorData.WritePayload, LettersSimulatorData.UnknownEnumValues)
    {
        Start();
    }

    protected override double MaxHourlyRate => LettersSimulatorData.MaxHourlyRate;

    protected override double HourlyRate(DateTimeOffset at) => LettersSimulatorData.HourlyRate(at);

    /// <summary>Ids continue a yearly series that did not start with our history.</summary>
    protected override void OnHistoryStart(DateTimeOffset start)
    {
        var local = start.ToOffset(LettersSimulatorData.Wib);
        _sequenceByYear[local.Year] = (local.DayOfYear - 1) * 165;
    }

    protected override LetterPlan CreatePlan(DateTimeOffset at)
    {
        var year = at.ToOffset(LettersSimulatorData.Wib).Year;
        var sequence = _sequenceByYear.GetValueOrDefault(year) + 1;
        _sequenceByYear[year] = sequence;
        return LettersSimulatorData.CreatePlan($"SRT-{year}-{sequence:D6}", at, SimulatorRandom.For(Options.Seed, 1_000_000_000L + ++_created));
    }

    protected override LetterVersion CreateVersion(LetterPlan plan, int applied) => new(plan, plan.Events, applied);

    protected override IReadOnlyList<LetterEvent> Resume(LetterVersion version, DateTimeOffset now) => [LettersSimulatorData.Resume(version, now)];

    protected override LetterEvent Withdrawal(long utcTicks) => new(utcTicks, LetterEventKind.Withdrawn);
}
