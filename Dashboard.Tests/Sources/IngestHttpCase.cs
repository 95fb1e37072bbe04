using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Sources;

/// <summary>A refresh and how to prove the database then equals what the source served (by id, by content, and indicators where the source has them).</summary>
public sealed record SettledRun(IngestRun Run, Func<Task> AssertReconciledAsync, object? Served = null);

/// <summary>
/// One source as the shared ingest theories (<see cref="IngestContractTests"/>) drive it over real HTTP against its
/// simulator: its settings, how its reconciliation is proven, and the few numbers that are its own.
/// </summary>
public abstract class IngestHttpCase
{
    /// <summary>
    /// Every case in this assembly, keyed by source: each source declares its own in its test folder
    /// (<c>Sources/Complaints/ComplaintsIngestHttpTests.Case</c>), and the registry walk fails for a registered source without one.
    /// </summary>
    public static IReadOnlyDictionary<string, IngestHttpCase> All { get; } = typeof(IngestHttpCase).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(IngestHttpCase)) && !t.IsAbstract)
        .Select(t => (IngestHttpCase)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.Source, StringComparer.Ordinal);

    public abstract string Source { get; }

    /// <summary>A host with the source's test settings, <paramref name="settings"/> on top.</summary>
    public abstract DashboardFactory App(params (string Key, string Value)[] settings);

    /// <summary>The first load's settings (its page size).</summary>
    public abstract (string Key, string Value)[] FullLoadSettings { get; }

    /// <summary>The first load must take more pages than this.</summary>
    public abstract int FullLoadPagesAbove { get; }

    /// <summary>A refresh after which nothing changed at the source, with its reconciliation.</summary>
    public abstract Task<SettledRun> SettledRefreshAsync(DashboardFactory app);

    /// <summary>The refresh right after the full load (plain unless the source needs it settled).</summary>
    public virtual async Task<SettledRun> SecondRefreshAsync(DashboardFactory app) =>
        new(await app.RefreshAsync(Source), () => Task.CompletedTask);

    /// <summary>What the source's second run must show: nothing duplicated.</summary>
    public abstract Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second);

    /// <summary>The killed run's settings (page size, commit size).</summary>
    public abstract (string Key, string Value)[] KillSettings { get; }

    /// <summary>The run is cancelled from the progress event of this many committed pages.</summary>
    public abstract int KillAtPages { get; }

    /// <summary>The most pages the killed run may record (null: not checked for this source).</summary>
    public abstract int? KilledPagesAtMost { get; }

    /// <summary>The page client the source's job runs with.</summary>
    public abstract Type ClientType { get; }

    /// <summary>The fewest rows of <see cref="RowsAsync"/> a killed run leaves.</summary>
    public abstract int KilledRowsAtLeast { get; }

    /// <summary>Rows of the checked entity, and how many the source serves live (a killed run must stop short of them, a finished one reach them).</summary>
    public abstract Task<(int Stored, int Live)> RowsAsync(DashboardFactory app);

    /// <summary>The re-run after the kill and its proof that everything ends exactly right.</summary>
    public virtual Task<SettledRun> RerunAsync(DashboardFactory app) => SettledRefreshAsync(app);

    /// <summary>The data-fault run's settings.</summary>
    public abstract (string Key, string Value)[] FaultSettings { get; }

    /// <summary>Builds the simulator and arms its request and item faults (rate limit, server error, not JSON, malformed, duplicate, unknown fields).</summary>
    public abstract void ArrangeFaults(DashboardFactory app);

    /// <summary>The fewest items the faulty run must reject.</summary>
    public abstract int RejectedAtLeast { get; }

    /// <summary>The most items the faulty run may reject.</summary>
    public abstract int RejectedAtMost { get; }

    /// <summary>What the quarantine holds after the faulty run.</summary>
    public abstract Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run);

    /// <summary>The source sends the broken items again, corrected, with some unknown enum values; returns how many.</summary>
    public abstract Task<int> CorrectAsync(DashboardFactory app);

    /// <summary>Whether exactly the unknown enum values are flagged (else at least them).</summary>
    public virtual bool FlaggedExactly => false;

    /// <summary>After the corrected run: no quarantined version is left and the database equals the source.</summary>
    public abstract Task AssertCorrectedAsync(DashboardFactory app);

    /// <summary>Whether the source is tested against a page that hangs past the attempt timeout.</summary>
    public virtual bool HasSlowSourceTest => false;

    /// <summary>Whether the source has a personal-data test (a source without personal fields proves it in its quarantine test).</summary>
    public virtual bool HasPersonalData => true;

    /// <summary>Whether the broken items of the personal-data run must be rejected (not when only never-read personal fields break).</summary>
    public virtual bool PersonalDataRunRejects => false;

    /// <summary>Reads the personal values the source serves, breaks some items, and returns every string that must never be stored.</summary>
    public virtual Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app) =>
        throw new NotSupportedException($"{Source} has no personal data test.");

    public static void AssertLedgerAddsUp(IngestRun run) =>
        Assert.Equal(run.ItemsRead, run.Inserted + run.Updated + run.Unchanged + run.Deleted + run.Rejected);

    public override string ToString() => Source;

    /// <summary>Every item the simulator serves now on each of <paramref name="resources"/> under <paramref name="root"/> (tombstones included), page by page.</summary>
    public static async Task<Dictionary<string, List<JsonElement>>> ServedFeedsAsync(DashboardFactory app, string root, string key, IEnumerable<string> resources)
    {
        using var http = app.CreateHttpClient();
        var served = new Dictionary<string, List<JsonElement>>();
        foreach (var resource in resources)
        {
            var items = new List<JsonElement>();
            string? cursor = null;
            do
            {
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    $"{root}{resource}?limit=1000{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var page = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
                items.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("next_cursor").GetString();
            }
            while (cursor is not null);
            served[resource] = items;
        }
        return served;
    }

    /// <summary>
    /// A refresh after which nothing changed at the source (no served item is newer than the run's start; at most nine
    /// tries): the database then must equal what is served.
    /// </summary>
    public static async Task<(IngestRun Run, T Served)> SettledRefreshAsync<T>(DashboardFactory app, string source,
        Func<Task<T>> served, Func<T, IEnumerable<JsonElement>> items)
    {
        for (var attempt = 0; ; attempt++)
        {
            var run = await app.RefreshAsync(source);
            var now = await served();
            var latest = items(now).Max(i => DateTimeOffset.Parse(i.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture));
            if (latest < run.StartedAt || attempt == 8)
            {
                return (run, now);
            }
        }
    }
}
