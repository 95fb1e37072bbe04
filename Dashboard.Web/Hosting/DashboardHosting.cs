using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources;
using Dashboard.Simulators;
using Dashboard.Simulators.Shared;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Hosting.Observability;
using Dashboard.Web.Jobs;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

public static class DashboardHosting
{
    /// <summary>Everything the product registers, feature by feature.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var node = builder.AddNode();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddReporting(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSources(Features.DomainRegistry.Sources);
        builder.Services.AddSourceSimulators(Features.DomainRegistry.Simulators);
        if (node.RunsJobs)
        {
            builder.Services.AddIngestWorkers();
        }
        builder.AddJobs(node);
        builder.AddDashboardAuth();
        builder.AddWallScreens();
        builder.AddLive(node);
        builder.Services.AddApi();
        builder.Services.AddDashboardUi();
        builder.AddObservability(node);
        return builder;
    }

    /// <summary>Middleware and endpoints, in order. An ingest-only node serves its health (and the simulators when enabled), nothing else.</summary>
    public static async Task UseDashboardAsync(this WebApplication app)
    {
        var servesScreens = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.ServesScreens;
        app.UseDashboardSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        if (servesScreens)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseDashboardRateLimits();
        }

        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await app.Services.GetRequiredService<ReportingMigrator>().MigrateAsync(CancellationToken.None);
            // Identity's tables too, before any hosted service starts: the data-protection key ring lives in them and is
            // read as soon as the host starts.
            await app.Services.GetRequiredService<Auth.Identity.IdentitySetup>().MigrateAsync(CancellationToken.None);
        }
        if (app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.Enabled)
        {
            app.MapSourceSimulators();
        }
        app.MapObservability(servesScreens);
        if (servesScreens)
        {
            app.MapDashboardUi();
            app.MapDashboardAuth();
            app.MapApi();
            app.MapLive();
            app.MapJobs();
        }
        else
        {
            // Without this the sign-in fallback policy would send every unknown path to a sign-in page that is not here.
            app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        }
    }

    /// <summary>Reads <c>Node:Role</c> (validated at start, naming the key) for what the rest registers.</summary>
    private static NodeOptions AddNode(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NodeOptions>, NodeOptionsValidator>();
        return NodeOptions.Read(builder.Configuration);
    }

    /// <summary>
    /// Administrative commands instead of serving: <c>migrate</c> applies the database's migrations (reporting and
    /// identity), <c>create-admin</c> creates an administrator.
    /// Returns true when a command ran.
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        switch (args[0])
        {
            case "migrate":
                var migrator = app.Services.GetRequiredService<ReportingMigrator>();
                await migrator.MigrateAsync(CancellationToken.None);
                await app.Services.GetRequiredService<Auth.Identity.IdentitySetup>().MigrateAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync($"Reporting database migrated ({migrator.Provider}).");
                if (await HangfireSchema.InstallAsync(app.Configuration, CancellationToken.None) is { } installed)
                {
                    await Console.Out.WriteLineAsync(installed);
                }
                return true;
            case "create-admin":
                Environment.ExitCode = await CreateAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
                return true;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: migrate, create-admin.");
                Environment.ExitCode = 2;
                return true;
        }
    }
}
