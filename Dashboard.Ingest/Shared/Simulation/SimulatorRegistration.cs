using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Shared.Simulation;

public static class SimulatorRegistration
{
    /// <summary>Registers a source's simulator; it is served only when <c>Sources:Simulator:Enabled</c> is true.</summary>
    public static IServiceCollection AddSourceSimulator<T>(this IServiceCollection services, Func<IServiceProvider, T> factory)
        where T : class, ISourceSimulator
    {
        services.AddSingleton(factory);
        services.AddSingleton<ISourceSimulator>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
