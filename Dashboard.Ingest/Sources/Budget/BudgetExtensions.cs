using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Budget;

public static class BudgetExtensions
{
    public const string SimulatorBasePath = "/sim/budget";

    /// <summary>APBD execution and monev: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddBudgetSource(this IServiceCollection services)
    {
        services.AddIngestSource<BudgetSource, BudgetOptions>(BudgetOptions.Section, SimulatorBasePath);
        services.AddSingleton<BudgetKpis>();
        return services;
    }
}
