using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>The real engine and complaint source over a temp database and an in-memory feed.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(7));

    private EngineHarness(TestDatabase db, int pageSize, IngestOptions? options, Dashboard.Ingest.Shared.Ingest.IRefreshRequests? retries, string schedule = "*/1 * * * *")
    {
        Db = db;
        Engine = new IngestEngine(db, Broadcaster, Time, Options.Create(options ?? new IngestOptions()), NullLogger<IngestEngine>.Instance, retries);
        Source = new ComplaintsSource(new TestOptions<ComplaintsOptions>(new ComplaintsOptions { ApiKey = "k", PageSize = pageSize, Schedule = schedule }), new ComplaintsKpis());
    }

    public TestDatabase Db { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public KpiBroadcaster Broadcaster { get; } = new();
    public IngestEngine Engine { get; }
    public ComplaintsSource Source { get; }
    public FakePageClient Client { get; } = new();

    public static async Task<EngineHarness> CreateAsync(int pageSize = 3) => new(await TestDatabase.CreateAsync(), pageSize, null, null);

    /// <summary>With run-level retries requested through <paramref name="retries"/>.</summary>
    public static async Task<EngineHarness> CreateAsync(
        IngestOptions options, Dashboard.Ingest.Shared.Ingest.IRefreshRequests retries, string schedule, int pageSize = 3) =>
        new(await TestDatabase.CreateAsync(), pageSize, options, retries, schedule);

    public Task<IngestRun> RunAsync(CancellationToken ct = default) =>
        Engine.RunAsync(Source, Client, new RunRequest(IngestTrigger.Manual, "tester", "test"), ct);

    public Task<IngestRun> RunAsync(RunRequest request, CancellationToken ct = default) => Engine.RunAsync(Source, Client, request, ct);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
