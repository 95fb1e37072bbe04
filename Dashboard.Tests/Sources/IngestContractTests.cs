using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Sources;

/// <summary>
/// What every source's job does against its simulator over real HTTP, run as one theory over the sources in the
/// ingest catalogue; each source's reconciliation, faults and indicators are in its folder.
/// </summary>
public sealed class IngestContractTests
{
    /// <summary>Small simulated sizes, so that a test host builds each source in moments.</summary>
    private static readonly Dictionary<string, string?> Small = new()
    {
        ["Sources:Staffing:Simulator:Headcount"] = "300",
        ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = "5",
        ["Sources:SocialAid:Simulator:Families"] = "800",
        ["Sources:Revenue:Simulator:Taxpayers"] = "100",
        ["Sources:Revenue:Simulator:PbbObjects"] = "400",
        ["Sources:Revenue:Simulator:ComparisonDays"] = "0",
        ["Sources:Admissions:Simulator:CohortSize"] = "700",
    };

    private static readonly string[] Names = ["Complaints", "Letters", "Staffing", "Revenue", "SocialAid", "Admissions"];

    public static TheoryData<string> Sources() => [.. Names];

    private static DashboardFactory App(string source, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Small);
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static ILiveSimulator Simulator(DashboardFactory app, string source)
    {
        _ = app.RootUri;
        return app.Services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().Single(s => s.Source == source);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task WrongApiKey_FailsTheRunWith401(string source)
    {
        await using var app = App(source, ($"Sources:{source}:ApiKey", $"the-{source.ToLowerInvariant()}-simulator-key"));
        var simulator = Simulator(app, source);
        var catalog = app.Services.GetRequiredService<SourceCatalog>();
        // The theory covers every source of the catalogue.
        Assert.Equal(catalog.All.Select(s => s.Name).Order(StringComparer.Ordinal), Names.Order(StringComparer.Ordinal));
        catalog.Get(source).Options.ApiKey = "not-the-key";

        var run = await app.RefreshAsync(source);

        Assert.Equal(IngestRunStatus.Failed, run.Status);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.True(simulator.Count > 0);
    }
}
