using System.Diagnostics.Metrics;
using Dashboard.Ingest.Shared.Telemetry;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Web.Hosting.Observability;

/// <summary>
/// OpenTelemetry metrics, traces and (with OTLP) logs, the Prometheus scrape endpoint and the health checks, the way the
/// .NET service defaults do it (docs/OPERATIONS.md, "Observability").
/// </summary>
public static class ObservabilityExtensions
{
    /// <summary>The authorization policy of <c>/metrics</c> on the normal addresses: an API client with the <c>metrics</c> scope.</summary>
    public const string MetricsPolicy = "Metrics";

    public const string MetricsPath = "/metrics";

    /// <summary>The <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> of the standard OpenTelemetry variables; OTLP is off when unset.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.Section)
            .Validate(o => o.Parse() is not null).ValidateOnStart();
        var management = (builder.Configuration.GetSection(ManagementOptions.Section).Get<ManagementOptions>() ?? new ManagementOptions()).Parse();
        if (management.Count > 0)
        {
            // The normal addresses plus the management ones (UseUrls replaces the list, so both are named).
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            builder.WebHost.UseUrls([.. (string.IsNullOrWhiteSpace(urls) ? "http://localhost:5000" : urls).Split(';', StringSplitOptions.RemoveEmptyEntries),
                .. management.Select(u => u.GetLeftPart(UriPartial.Authority))]);
        }

        if (builder.Configuration.GetValue<bool>($"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.JsonConsole)}"))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.IncludeScopes = true;
            });
        }

        services.AddSingleton(sp => new IngestTelemetry(sp.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<StatusSnapshot>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusSnapshot>());
        services.AddSingleton<WebTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, TelemetryCircuitHandler>());
        TraceContextJobFilter.Register();

        var otel = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            otel.ConfigureResource(r => r.AddService("dasbor", serviceInstanceId: Dashboard.Ingest.Shared.Ingest.IngestEngine.Node));
        }
        otel.WithMetrics(metrics => metrics
                .AddMeter(DasborTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(DasborTelemetry.Name)
                .AddSource("Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.SignalR.Server")
                .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                // Database calls made through EF Core on every provider (SQLite, SQL Server, PostgreSQL); Npgsql's own
                // spans add the PostgreSQL commands EF does not issue (the ingest's prepared upserts, COPY).
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql());
        var otlp = builder.Configuration[OtlpEndpointKey];
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
            otel.UseOtlpExporter();
        }

        services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireRole(Roles.ApiClient).RequireClaim(ApiScopes.ClaimType, ApiScopes.Metrics));

        var health = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<SourceFreshnessHealthCheck>("sources", failureStatus: HealthStatus.Degraded);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            health.AddCheck<RedisHealthCheck>("redis", tags: [HealthTags.Ready]);
        }
        if (node.RunsJobs)
        {
            health.AddCheck<HangfireServerHealthCheck>("hangfire-server", tags: [HealthTags.Ready]);
        }
        return builder;
    }

    /// <summary>
    /// <c>/healthz/live</c>, <c>/healthz/ready</c>, <c>/healthz</c> (JSON for people) and <c>/metrics</c>: on the
    /// management addresses without a key when <c>Hosting:ManagementUrls</c> is set, else for API clients with the
    /// <c>metrics</c> scope.
    /// </summary>
    public static WebApplication MapObservability(this WebApplication app, bool servesScreens)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();

        var management = app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.Parse();
        if (management.Count > 0)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath)
                .RequireHost([.. management.Select(u => "*:" + u.Port)])
                .AllowAnonymous();
        }
        else
        {
            if (!servesScreens)
            {
                // An ingest node runs no authentication otherwise: only for this endpoint.
                app.UseWhen(http => http.Request.Path.StartsWithSegments(MetricsPath), branch =>
                {
                    branch.UseAuthentication();
                    branch.UseAuthorization();
                });
            }
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsPolicy);
        }
        return app;
    }
}
