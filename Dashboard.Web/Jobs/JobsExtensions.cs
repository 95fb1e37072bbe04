using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Web.Auth;
using Dashboard.Web.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Jobs;

public static class JobsExtensions
{
    /// <summary>Hangfire storage and server per <c>Hangfire:Storage</c>, and the matching refresh trigger.</summary>
    /// <remarks>Only a node that runs jobs (<see cref="NodeOptions.RunsJobs"/>) starts Hangfire's server; a web node only queues.</remarks>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = JobsOptions.ReadStorage(builder.Configuration);
        var options = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (storage == JobStorageMode.None)
        {
            builder.Services.AddSingleton<InProcessRefreshRequests>();
            builder.Services.AddSingleton<IRefreshRequests>(sp => sp.GetRequiredService<InProcessRefreshRequests>());
            builder.Services.AddSingleton<ISourceScheduler, NoSourceScheduler>();
            return builder;
        }

        builder.Services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            // Several nodes share Hangfire's storage on the database server (by default the reporting database).
            // Its schema is installed by the `migrate` command, or at start with Database:MigrateOnStart (one node): several
            // nodes starting at once must not race to install it.
            var shared = HangfireSchema.ConnectionString(builder.Configuration);
            var install = builder.Configuration.GetValue("Database:MigrateOnStart", true);
            if (storage == JobStorageMode.SqlServer)
            {
                cfg.UseSqlServerStorage(shared, new Hangfire.SqlServer.SqlServerStorageOptions { PrepareSchemaIfNecessary = install });
            }
            else if (storage == JobStorageMode.PostgreSql)
            {
                // Workers poll the queue: once a second keeps "refresh now" prompt on every ingest node.
                cfg.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(shared),
                    new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = install });
            }
            else
            {
                cfg.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
            }
        });
        builder.Services.AddSingleton<IRefreshRequests, HangfireRefreshRequests>();
        builder.Services.AddSingleton<HangfireSourceScheduler>();
        builder.Services.AddSingleton<ISourceScheduler>(sp => sp.GetRequiredService<HangfireSourceScheduler>());
        if (node.RunsJobs)
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
            builder.Services.AddHostedService<RecurringJobRegistrar>();
        }
        return builder;
    }

    public static WebApplication MapJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (options.Storage != JobStorageMode.None)
        {
            app.MapHangfireDashboard(options.DashboardPath, new DashboardOptions
            {
                Authorization = [new RoleDashboardFilter()],
                IsReadOnlyFunc = ctx => !ctx.GetHttpContext().User.IsInRole(Roles.Admin),
                DisplayStorageConnectionString = false,
                AppPath = "/",
                DashboardTitle = "Pekerjaan latar (Hangfire)",
            });
        }
        return app;
    }

    /// <summary>Administrators manage jobs; operators may look. Nobody else, never anonymous.</summary>
    private sealed class RoleDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator));
        }
    }

    /// <summary>Registers every source's recurring pull with explicit ids in Asia/Jakarta time (an administrator's override wins).</summary>
    private sealed class RecurringJobRegistrar(HangfireSourceScheduler scheduler) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => scheduler.ApplyAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
