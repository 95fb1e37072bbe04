using System.Net;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Simulators;

public static class SimulatorsExtensions
{
    /// <summary>
    /// The given sources' simulators (the web host's domain registry lists them, one line per source), built lazily and
    /// served only when <c>Sources:Simulator:Enabled</c> is true, and the host's own address for the sources pointed at them.
    /// </summary>
    public static IServiceCollection AddSourceSimulators(this IServiceCollection services, IEnumerable<SimulatorModule> simulators)
    {
        ArgumentNullException.ThrowIfNull(simulators);
        services.AddSingleton<ISelfAddress, ServerSelfAddress>();
        foreach (var simulator in simulators)
        {
            simulator.Register(services);
        }
        return services;
    }
}

/// <summary>The first address the server listens on; wildcard bindings (http://[::]:80, http://+:80) are reached on loopback.</summary>
internal sealed class ServerSelfAddress(IServiceProvider services) : ISelfAddress
{
    public Uri? Address
    {
        get
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                        ?? addresses?.FirstOrDefault();
            if (first is null)
            {
                return null;
            }
            var builder = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (builder.Host is "[::]" or "::" or "0.0.0.0" or "localhost")
            {
                builder.Host = IPAddress.Loopback.ToString();
            }
            builder.Path = "/";
            return builder.Uri;
        }
    }
}
