using Microsoft.Extensions.DependencyInjection;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Complaints;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Web;

/// <summary>
/// An in-memory SQLite reporting database (schema from <c>EnsureCreated</c>, reference data and catalogue from its seed) that lives as long
/// as its open connection; every context the factory hands out shares that connection.
/// </summary>
public sealed class InMemoryReportingDb : IDbContextFactory<ReportingDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteReportingDbContext> _options;

    public InMemoryReportingDb()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite(_connection).UseReportingSeed().Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
    }

    public ReportingDbContext CreateDbContext() => new SqliteReportingDbContext(_options);

    /// <summary>Writes (inserts or replaces) the city's snapshot of an indicator.</summary>
    public async Task SetSnapshotAsync(string code, double? value, DateTimeOffset computedAt,
        string scope = ReferenceData.KotaCode, ScopeKind kind = ScopeKind.Kota, string? label = null)
    {
        await using var db = CreateDbContext();
        var snapshot = await db.IndicatorSnapshots.FirstOrDefaultAsync(s => s.IndicatorCode == code && s.ScopeCode == scope);
        if (snapshot is null)
        {
            snapshot = new IndicatorSnapshot { IndicatorCode = code, ScopeCode = scope, ScopeKind = kind };
            db.IndicatorSnapshots.Add(snapshot);
        }
        snapshot.Value = value;
        snapshot.Label = label;
        snapshot.ComputedAt = computedAt;
        snapshot.AsOf = DateOnly.FromDateTime(computedAt.UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task SetSourceStateAsync(string source, DateTimeOffset? lastSuccessAt, long? runningRunId = null)
    {
        await using var db = CreateDbContext();
        var state = await db.SourceStates.FirstOrDefaultAsync(s => s.Source == source);
        if (state is null)
        {
            state = new SourceState { Source = source };
            db.SourceStates.Add(state);
        }
        state.LastSuccessAt = lastSuccessAt;
        state.RunningRunId = runningRunId;
        await db.SaveChangesAsync();
    }

    public async Task AddComplaintsAsync(params Complaint[] complaints)
    {
        await using var db = CreateDbContext();
        db.Set<Complaint>().AddRange(complaints);
        await db.SaveChangesAsync();
    }

    public static Complaint Complaint(
        string id, DateTimeOffset submittedAt, string kelurahan = "35.73.02.1001", string agency = "DISHUB",
        string channel = "sambat", string category = "Perhubungan", DateTimeOffset? closedAt = null) => new()
    {
        Id = id,
        Channel = channel,
        Type = "pengaduan",
        Category = category,
        AgencyCode = agency,
        KelurahanCode = kelurahan,
        KecamatanCode = ReferenceData.KecamatanOf(kelurahan),
        Status = closedAt is null ? "proses" : "selesai",
        SubmittedAt = submittedAt,
        ClosedAt = closedAt,
        UpdatedAt = closedAt ?? submittedAt,
    };

    public void Dispose() => _connection.Dispose();
}

/// <summary>Records refresh requests instead of running them (page tests).</summary>
public sealed class RecordingRefreshRequests : Dashboard.Ingest.Shared.Ingest.IRefreshRequests
{
    public List<(string Source, string User, string Reason)> Requests { get; } = [];

    /// <summary>Every request with its trigger and delay (retries are delayed).</summary>
    public List<(string Source, Dashboard.Ingest.Shared.Ingest.RunRequest Request, TimeSpan Delay)> All { get; } = [];

    public Task<string> RequestAsync(string source, Dashboard.Ingest.Shared.Ingest.RunRequest request, CancellationToken ct = default) =>
        RequestAsync(source, request, TimeSpan.Zero, ct);

    public Task<string> RequestAsync(string source, Dashboard.Ingest.Shared.Ingest.RunRequest request, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (Requests)
        {
            Requests.Add((source, request.RequestedBy!, request.Reason!));
            All.Add((source, request, delay));
            return Task.FromResult($"job-{Requests.Count}");
        }
    }
}

/// <summary>Alert services for bUnit tests of components that show or acknowledge alerts (no notification channels).</summary>
public static class AlertTestServices
{
    public static IServiceCollection AddAlertServices(this IServiceCollection services)
    {
        services.AddOptions<Dashboard.Ingest.Shared.Alerts.AlertOptions>();
        services.AddSingleton<Dashboard.Web.Features.Alerts.AlertQueries>();
        services.AddSingleton<Dashboard.Ingest.Shared.Alerts.AlertNotifier>();
        services.AddSingleton<Dashboard.Ingest.Shared.Alerts.AlertMonitor>();
        return services;
    }
}

/// <summary>Records the schedules put in force instead of registering Hangfire jobs.</summary>
public sealed class RecordingSourceScheduler : Dashboard.Ingest.Shared.Ingest.ISourceScheduler
{
    public List<(string Source, string? Cron)> Applied { get; } = [];

    public Task ApplyAsync(string source, string? cron, CancellationToken ct)
    {
        Applied.Add((source, cron));
        return Task.CompletedTask;
    }
}
