using Microsoft.AspNetCore.Routing;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// A simulator of one source system's HTTP contract (docs/SOURCES.md), served by the app under
/// <c>/sim/{name}</c> when <c>Sources:Simulator:Enabled</c> is true, and by test hosts in tests.
/// </summary>
public interface ISourceSimulator
{
    /// <summary>The source's name as in configuration (<c>Complaints</c>).</summary>
    string Source { get; }

    /// <summary>The path prefix the contract's <c>/v1/...</c> paths are served under (<c>/sim/complaints</c>).</summary>
    string BasePath { get; }

    /// <summary>Maps the contract's endpoints under <see cref="BasePath"/>.</summary>
    void MapEndpoints(IEndpointRouteBuilder routes);
}
