using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Simulators.Shared;

public static class SimulatorEndpoints
{
    /// <summary>Serves every registered simulator under its own path; they check their own bearer keys.</summary>
    public static IEndpointRouteBuilder MapSourceSimulators(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var simulator in routes.ServiceProvider.GetServices<ISourceSimulator>())
        {
            var group = routes.MapGroup("").AllowAnonymous();
            simulator.MapEndpoints(group);
        }
        return routes;
    }
}
