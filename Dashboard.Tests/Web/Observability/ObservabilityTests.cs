using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Telemetry;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Hosting;
using Dashboard.Web.Hosting.Observability;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Dashboard.Tests.Web.Observability;

public sealed class ObservabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_run_is_a_span_with_page_commit_and_recompute_children_and_its_counters_match_the_ledger_row()
    {
        var spans = new List<Activity>();
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Sources:Complaints:PageSize"] = "100" }, b => b.ConfigureServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))));
        _ = app.RootUri;
        using var counters = new DasborCounters(app.Services);

        // A person's click: the run continues that trace.
        using var click = new ActivitySource("Dashboard.Tests.Click");
        using var listener = ListenTo(click.Name);
        IngestRun run;
        ActivityTraceId trace;
        using (var clicked = click.StartActivity("refresh click"))
        {
            trace = clicked!.TraceId;
            run = await app.RefreshAsync("Complaints");
        }

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.True(run.Pages > 1, "the simulator's history is more than one page");
        Activity[] exported;
        lock (spans)
        {
            exported = [.. spans];
        }
        // The exporter listens to the product's ActivitySource process-wide: another test's host running in parallel may
        // export a run with the same id (each has its own database), never one in this click's trace.
        var root = Assert.Single(exported, a => a.OperationName == "ingest.run" && Equals(a.GetTagItem("dasbor.run.id"), run.Id) && a.TraceId == trace);
        Assert.Equal("Complaints", root.GetTagItem("dasbor.source"));
        var children = exported.Where(a => a.ParentSpanId == root.SpanId).ToList();
        Assert.Equal(run.Pages, children.Count(a => a.OperationName == "ingest.page"));
        Assert.Contains(children, a => a.OperationName == "ingest.commit");
        Assert.Single(children, a => a.OperationName == "ingest.recompute");
        // The database calls of the run (EF Core on SQLite here) are inside the run's trace, under its spans.
        var runSpans = exported.Where(a => a.TraceId == trace).Select(a => a.SpanId).ToHashSet();
        Assert.Contains(exported, a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && a.TraceId == trace && runSpans.Contains(a.ParentSpanId));
        // A commit group's database commands (its pages' writes and its commit) are under its span.
        var commitIds = children.Where(a => a.OperationName == "ingest.commit").Select(a => a.SpanId).ToHashSet();
        Assert.Contains(exported, a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && commitIds.Contains(a.ParentSpanId));
        // The requests to the source are under their page.
        var pageIds = children.Where(a => a.OperationName == "ingest.page").Select(a => a.SpanId).ToHashSet();
        Assert.Equal(run.Pages, exported.Count(a => a.Kind == ActivityKind.Client && a.DisplayName.StartsWith("GET", StringComparison.Ordinal) && pageIds.Contains(a.ParentSpanId)));

        Assert.Equal(run.ItemsRead, counters.Items("Complaints", "read"));
        Assert.Equal(run.Inserted, counters.Items("Complaints", "inserted"));
        Assert.Equal(run.Updated, counters.Items("Complaints", "updated"));
        Assert.Equal(run.Unchanged, counters.Items("Complaints", "unchanged"));
        Assert.Equal(run.Deleted, counters.Items("Complaints", "deleted"));
        Assert.Equal(run.Rejected, counters.Items("Complaints", "rejected"));
        Assert.Equal(run.Pages, counters.Sum("dasbor.ingest.pages", "Complaints"));
        Assert.Equal(1, counters.Count("dasbor.ingest.run.duration", "Complaints"));
        Assert.Equal(1, counters.Count("dasbor.indicators.recompute.duration", "Complaints"));
    }

    [Fact]
    public async Task A_job_queued_inside_a_trace_runs_inside_that_trace()
    {
        // Hangfire's own storage and server for this test only (the product's hosts in tests run without Hangfire).
        // Hangfire's log provider is static: a host of another test may have set it to its own, now disposed, logger
        // factory, so this test sets one that logs nothing.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentHangfireLogs());
        TraceContextJobFilter.Register();
        Assert.Contains(GlobalJobFilters.Filters, f => f.Instance is TraceContextJobFilter);
        // The global filters and activator are static too, and hold what other test hosts registered (filters bound to
        // their disposed services): this client and server use only the product's trace filter, as registered above.
        var filters = new JobFilterCollection { new TraceContextJobFilter() };
        using var click = new ActivitySource("Dashboard.Tests.Click");
        using var listener = ListenTo(click.Name, DasborTelemetry.Name);
        using var storage = new InMemoryStorage();
        var jobs = new BackgroundJobClient(storage, filters);
        string id;
        ActivityTraceId trace;
        using (var clicked = click.StartActivity("refresh click"))
        {
            trace = clicked!.TraceId;
            id = jobs.Enqueue(() => TraceProbe.Record("probe-" + trace));
        }
        Assert.Equal(trace.ToString(), JsonSerializer.Deserialize<string>(storage.GetConnection().GetJobParameter(id, TraceContextJobFilter.Parameter))![3..35]);

        using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromMilliseconds(100), FilterProvider = filters, Activator = new JobActivator() }, storage))
        {
            await Eventually.TrueAsync(() => TraceProbe.Seen.ContainsKey("probe-" + trace), TimeSpan.FromSeconds(30), "the job ran");
        }
        Assert.Equal(trace, TraceProbe.Seen["probe-" + trace]);
    }

    [Fact]
    public async Task Metrics_refuses_anonymous_and_clients_without_the_metrics_scope()
    {
        await using var app = new DashboardFactory();
        using var http = app.CreateHttpClient();
        var admin = app.Services.GetRequiredService<ApiClientAdministration>();
        var (_, reader) = await admin.CreateAsync("admin", "reader", [ApiScopes.ReadIndicators, ApiScopes.TriggerRefresh], Ct);
        var (_, scraper) = await admin.CreateAsync("admin", "prometheus", [ApiScopes.Metrics], Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("metrics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(http, "metrics", "not-a-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(http, "metrics", DashboardFactory.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(http, "metrics", reader!)).StatusCode);
        using var ok = await Get(http, "metrics", scraper!);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("dasbor_alerts_open", await ok.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // A metrics client reads nothing else.
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(http, "api/v1/sources", scraper!)).StatusCode);
    }

    [Fact]
    public async Task Metrics_on_the_management_port_need_no_key_and_are_not_on_the_normal_port()
    {
        // Not the test factory: it pins Kestrel to one address of its own, and the management port is a second address.
        var port = FreePort.Next();
        var path = Path.Combine(Path.GetTempPath(), $"dasbor-management-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = "Dashboard.Web" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
            ["Hangfire:Storage"] = "None",
            ["Ingest:RefreshOnStart"] = "false",
            ["Sources:Simulator:Enabled"] = "true",
            ["Sources:Simulator:HistoryDays"] = "7",
            ["Sources:Simulator:DemoEventsPerMinute"] = "0",
            ["Hosting:ManagementUrls"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDashboard();
        await using var app = builder.Build();
        await app.UseDashboardAsync();
        await app.StartAsync(Ct);
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var normal = new Uri(addresses.Single(a => new Uri(a).Port != port) + "/");
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = normal };
            // Only the sign-in redirect of any unknown page there.
            using var refused = await http.GetAsync("metrics", Ct);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain("dasbor_", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/live", Ct)).StatusCode);
            using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var ok = await management.GetAsync("metrics", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Contains("dasbor_alerts_open", await ok.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync(Ct);
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task Readiness_is_unhealthy_while_the_database_is_unreachable_and_healthy_again_after()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Observability:StatusRefreshSeconds"] = "3600" });
        using var http = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/live", Ct)).StatusCode);

        var aside = app.DatabasePath + ".aside";
        SqliteConnection.ClearAllPools();
        File.Move(app.DatabasePath, aside);
        // A directory where the file was: nothing can open it, or create it again, until the file is back.
        Directory.CreateDirectory(app.DatabasePath);
        try
        {
            using var down = await http.GetAsync("healthz/ready", Ct);
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, await down.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync(Ct));
            // The process still answers, and the people's page says why.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/live", Ct)).StatusCode);
            using var page = await http.GetAsync("healthz", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            using var body = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct));
            Assert.Equal("unreachable", body.RootElement.GetProperty("database").GetString());
        }
        finally
        {
            Directory.Delete(app.DatabasePath);
            File.Move(aside, app.DatabasePath);
        }
        using var up = await http.GetAsync("healthz/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal("Healthy", await up.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_source_past_its_freshness_limit_makes_health_degraded_but_not_unready()
    {
        await using var app = new DashboardFactory();
        using var http = app.CreateHttpClient();
        var run = await app.RefreshAsync("Complaints");
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        using (var fresh = JsonDocument.Parse(await http.GetStringAsync("healthz", Ct)))
        {
            Assert.Equal("Healthy", fresh.RootElement.GetProperty("checks").GetProperty("sources").GetProperty("status").GetString());
        }

        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            var limit = await db.Indicators.Where(d => d.Source == "Complaints" && d.FreshnessMinutes > 0).MinAsync(d => d.FreshnessMinutes, Ct);
            var state = await db.SourceStates.SingleAsync(s => s.Source == "Complaints", Ct);
            state.LastSuccessAt = state.LastSuccessAt!.Value.AddMinutes(-2 * limit);
            await db.SaveChangesAsync(Ct);
        }

        using var page = await http.GetAsync("healthz", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var body = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct));
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.RootElement.GetProperty("checks").GetProperty("sources").GetProperty("status").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("database").GetString());
        using var ready = await http.GetAsync("healthz/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_run_spans_are_exported_to_it()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Root.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_SERVICE_NAME"] = "dasbor-test",
        });
        var run = await app.RefreshAsync("Complaints");
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);

        await Eventually.TrueAsync(() => receiver.Traces.Any(b => Contains(b, "ingest.run")), TimeSpan.FromSeconds(30), "an ingest.run span at /v1/traces");
        Assert.Contains(receiver.Traces, b => Contains(b, "ingest.page"));
        Assert.Contains(receiver.Traces, b => Contains(b, "dasbor-test"));
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_is_exported_and_nothing_fails()
    {
        await using var app = new DashboardFactory();
        var run = await app.RefreshAsync("Complaints");
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Logging.ILoggerProvider>(), p => p is OpenTelemetry.Logs.OpenTelemetryLoggerProvider);
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request, Ct);
    }

    private static ActivityListener ListenTo(params string[] sources)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}

/// <summary>The job of <see cref="ObservabilityTests.A_job_queued_inside_a_trace_runs_inside_that_trace"/>: records the trace it ran in.</summary>
public static class TraceProbe
{
    public static ConcurrentDictionary<string, ActivityTraceId> Seen { get; } = new();

    public static void Record(string key) => Seen[key] = Activity.Current?.TraceId ?? default;
}

/// <summary>Sums of the <c>Dasbor</c> meter's measurements of one host (its <see cref="IMeterFactory"/>), by source.</summary>
internal sealed class DasborCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Source, string? Kind), (double Sum, long Count)> _values = new();

    public DasborCounters(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DasborTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? source = null, kind = null;
        foreach (var t in tags)
        {
            if (t.Key == "source")
            {
                source = t.Value as string;
            }
            else if (t.Key == "kind")
            {
                kind = t.Value as string;
            }
        }
        if (source is not null)
        {
            _values.AddOrUpdate((instrument.Name, source, kind), (value, 1), (_, v) => (v.Sum + value, v.Count + 1));
        }
    }

    public long Items(string source, string kind) => (long)_values.GetValueOrDefault(("dasbor.ingest.items", source, kind)).Sum;

    public long Sum(string instrument, string source) => (long)_values.GetValueOrDefault((instrument, source, null)).Sum;

    public long Count(string instrument, string source) =>
        _values.Where(v => v.Key.Instrument == instrument && v.Key.Source == source).Sum(v => v.Value.Count);

    public void Dispose() => _listener.Dispose();
}

/// <summary>A minimal OTLP/HTTP receiver on loopback: keeps the bodies posted to <c>/v1/traces</c>.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _traces = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public IReadOnlyCollection<byte[]> Traces => _traces;

    public Uri Root { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._traces.Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        receiver.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Hangfire's logging, off: nothing of this test's own Hangfire server needs to be read.</summary>
internal sealed class SilentHangfireLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
{
    public Hangfire.Logging.ILog GetLogger(string name) => this;

    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}
