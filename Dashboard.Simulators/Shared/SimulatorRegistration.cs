using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Simulators.Shared;

public static class SimulatorRegistration
{
    /// <summary>Registers a source's simulator; it is built and served only when <c>Sources:Simulator:Enabled</c> is true.</summary>
    public static IServiceCollection AddSourceSimulator<T>(this IServiceCollection services, Func<IServiceProvider, T> factory)
        where T : class, ISourceSimulator
    {
        services.AddSingleton(factory);
        services.AddSingleton<ISourceSimulator>(sp => sp.GetRequiredService<T>());
        if (!services.Any(d => d.ImplementationType == typeof(SimulatorTicker)))
        {
            services.AddHostedService<SimulatorTicker>();
        }
        return services;
    }
}

/// <summary>Moves simulated time forward so that new records and status changes keep arriving.</summary>
internal sealed class SimulatorTicker(IServiceProvider services, IOptions<SimulatorOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var simulators = services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().ToList();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var simulator in simulators)
            {
                simulator.Advance();
            }
        }
    }
}
