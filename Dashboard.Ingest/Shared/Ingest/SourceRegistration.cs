using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>The one registration every source goes through, so all sources get the same guarantees.</summary>
public static class SourceRegistration
{
    /// <summary>Registers a source read with the default client (<see cref="SourceClient{TOptions}"/>).</summary>
    public static IServiceCollection AddIngestSource<TSource, TOptions>(
        this IServiceCollection services, string section, string simulatorBasePath)
        where TSource : IngestSource<TSource, TOptions>
        where TOptions : SourceOptions =>
        services.AddIngestSource<TSource, TOptions, SourceClient<TOptions>>(section, simulatorBasePath);

    /// <summary>
    /// Registers a source: validated options, a typed resilient client, its job and its definition.
    /// <paramref name="simulatorBasePath"/> is where the built-in simulator serves the contract.
    /// </summary>
    public static IServiceCollection AddIngestSource<TSource, TOptions, TClient>(
        this IServiceCollection services, string section, string simulatorBasePath)
        where TSource : IngestSource<TSource, TOptions, TClient>
        where TOptions : SourceOptions
        where TClient : class, ISourcePageClient
    {
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .PostConfigure<IOptions<SimulatorOptions>>((o, simulator) =>
            {
                if (simulator.Value.Enabled && string.IsNullOrWhiteSpace(o.BaseUrl) && string.IsNullOrWhiteSpace(o.ApiKey))
                {
                    o.ApiKey = SimulatorKey.Value;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(sp =>
            new SourceOptionsValidator<TOptions>(section, sp.GetRequiredService<IOptions<SimulatorOptions>>(), sp.GetRequiredService<IOptions<IngestOptions>>()));

        services.AddHttpClient<TClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue;
                http.BaseAddress = BaseAddress(sp, options, simulatorBasePath);
                SourceHttp.Limit(http, options);
            })
            .AddResilienceHandler(section, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue;
                AddSourceResilience(pipeline, options);
            });

        services.AddSingleton<TSource>();
        services.AddSingleton<IIngestSource>(sp => sp.GetRequiredService<TSource>());
        services.AddTransient<IngestJob<TSource, TClient>>();
        return services;
    }

    /// <summary>
    /// Total timeout, retries with jitter that honour <c>Retry-After</c>, a circuit breaker sized for a client
    /// that pulls once a minute (a handful of failed attempts within ten minutes opens it), and a per-attempt timeout.
    /// </summary>
    public static void AddSourceResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        pipeline
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.Retries, 1),
                ShouldHandle = options.Retries == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(10),
                BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
    }

    private static Uri BaseAddress(IServiceProvider sp, SourceOptions options, string simulatorBasePath)
    {
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            return WithSlash(new Uri(options.BaseUrl));
        }
        // Simulator mode: the contract is served by this very process.
        var self = sp.GetService<ISelfAddress>()?.Address ?? throw new InvalidOperationException(
            "The built-in simulator is enabled but the server has no address yet; set Sources:<Name>:BaseUrl.");
        return WithSlash(new Uri(self, simulatorBasePath.TrimStart('/')));
    }

    /// <summary>One random key a process for the built-in simulators, so no demo key is ever committed.</summary>
    private static readonly Lazy<string> SimulatorKey =
        new(() => "sim-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

/// <summary>
/// Where this very process serves HTTP, for sources pointed at the built-in simulators (no <c>BaseUrl</c>). The web
/// host registers it with the simulators; without it a source needs its <c>BaseUrl</c>.
/// </summary>
public interface ISelfAddress
{
    /// <summary>The root of the first address the server listens on (loopback for wildcard bindings), or null before it listens.</summary>
    Uri? Address { get; }
}
