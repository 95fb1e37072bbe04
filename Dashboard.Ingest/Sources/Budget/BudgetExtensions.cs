using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Budget;

public static class BudgetExtensions
{
    public const string SimulatorBasePath = "/sim/budget";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(BudgetIndicators.Source, services => services.AddBudgetSource());

    /// <summary>APBD execution and monev: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddBudgetSource(this IServiceCollection services)
    {
        services.AddIngestSource<BudgetSource, BudgetOptions>(BudgetOptions.Section, SimulatorBasePath);
        services.AddSingleton<BudgetKpis>();
        return services;
    }
}
