using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// A source's simulator as a host registers it: declared once beside the simulator (<c>ComplaintsSimulator.Module</c>)
/// and listed with its domain in the web host's registry. It is built and served only when
/// <c>Sources:Simulator:Enabled</c> is true; it serves under the key the source is configured (or given) to send.
/// </summary>
public sealed record SimulatorModule(string Source, Action<IServiceCollection> Register)
{
    /// <summary>A simulator sized by the shared <see cref="SimulatorOptions"/> alone.</summary>
    public static SimulatorModule For<TSimulator, TSourceOptions>(string source, Func<TimeProvider, SimulatorOptions, string, TSimulator> create)
        where TSimulator : class, ISourceSimulator
        where TSourceOptions : SourceOptions =>
        new(source, services => services.AddSourceSimulator(sp => create(Time(sp), Shared(sp), Key<TSourceOptions>(sp))));

    /// <summary>A simulator with its own size options, bound from <paramref name="section"/> and validated on start.</summary>
    public static SimulatorModule For<TSimulator, TSourceOptions, TOwnOptions>(
        string source, string section, Func<TimeProvider, SimulatorOptions, TOwnOptions, string, TSimulator> create)
        where TSimulator : class, ISourceSimulator
        where TSourceOptions : SourceOptions
        where TOwnOptions : class =>
        new(source, services =>
        {
            services.AddOptions<TOwnOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSourceSimulator(sp => create(Time(sp), Shared(sp), sp.GetRequiredService<IOptions<TOwnOptions>>().Value, Key<TSourceOptions>(sp)));
        });

    private static TimeProvider Time(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();

    private static SimulatorOptions Shared(IServiceProvider sp) => sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    private static string Key<T>(IServiceProvider sp) where T : SourceOptions => sp.GetRequiredService<IOptions<T>>().Value.ApiKey;
}
