using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// A simulator whose data moves as time passes. The host calls <see cref="Advance"/> every
/// <see cref="SimulatorOptions.TickSeconds"/>; the control endpoint and demos call <see cref="Generate"/>.
/// </summary>
public interface ILiveSimulator : ISourceSimulator
{
    /// <summary>The fault switches of this simulator's endpoints.</summary>
    SimulatorFaults Faults { get; }

    /// <summary>Records served, tombstones included.</summary>
    int Count { get; }

    /// <summary>Applies everything due by the time provider's now: new records and status changes.</summary>
    void Advance();

    /// <summary>Adds <paramref name="count"/> new records as of now and returns their ids.</summary>
    IReadOnlyList<string> Generate(int count);
}
