using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Bench.Baseline;
using Dashboard.Bench.Hosting;
using Dashboard.Web.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Bench.Queries;

/// <summary>
/// Benchmark 5: the server render time (HTTP GET of the prerendered page by a signed-in user, on loopback, to the
/// last byte) of the overview and of an indicator page, p95 over the requests of a run, first with the 30 days of
/// history the simulators give, then over 5 years of daily values for every indicator and every region (and
/// every other scope that has values), written with one prepared insert. Every database command's time is
/// summed per request (EF Core's diagnostics) to say how much of the render is spent in queries, and which.
/// </summary>
internal static partial class QueriesBench
{
    private const string Indicator = "ADUAN_MASUK";

    private sealed record Page(string Name, string Path);

    private sealed record Timing(double P50, double P95, double DbP95, IReadOnlyDictionary<string, double> DbByCommand);

    public static async Task RunAsync(Args args)
    {
        var runs = args.Int("--runs", 3);
        var requests = args.Int("--requests", 100);
        var years = args.Int("--years", 5);
        using var db = new CommandTimes();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(db);
        await using var product = new ProductHost(historyDays: 30);
        await product.RefreshAsync([.. product.SourceNames]);
        await using var baseline = await BaselineApp.StartAsync();
        using var client = await SignedInClientAsync(product.RootUri);
        using var anonymous = new HttpClient { BaseAddress = baseline.RootUri };
        // The indicator page's default window (30 days) and its widest (12 months, "12b").
        Page[] pages = [new("overview", "/"), new($"indicator page ({Indicator})", $"/indikator/{Indicator}"), new($"indicator page, 12 months", $"/indikator/{Indicator}?periode=12b")];

        await Console.Out.WriteLineAsync($"queries: {requests} requests per page and run after 10 warm-up requests, {runs} runs");
        var shortHistory = new Dictionary<string, List<Timing>>();
        var cards = new List<Timing>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var page in pages)
            {
                var t = await TimeAsync(client, page.Path, requests, db);
                (shortHistory.TryGetValue(page.Name, out var l) ? l : shortHistory[page.Name] = []).Add(t);
                await Console.Out.WriteLineAsync(Invariant($"  run {run} 30 days  {page.Name,-28}: p50 {t.P50,6:F1} ms, p95 {t.P95,6:F1} ms, database p95 {t.DbP95,6:F1} ms, load {Machine.LoadAverage()}"));
            }
            var c = await TimeAsync(anonymous, "/", requests, db);
            cards.Add(c);
            await Console.Out.WriteLineAsync(Invariant($"  run {run} 12 MudBlazor cards page   : p50 {c.P50,6:F1} ms, p95 {c.P95,6:F1} ms"));
        }

        var seedClock = Stopwatch.StartNew();
        var rows = await SeedAsync(product.DatabasePath, years);
        await Console.Out.WriteLineAsync(Invariant($"seeded {rows:N0} indicator values ({years} years daily) in {seedClock.Elapsed.TotalSeconds:F0} s; database {new FileInfo(product.DatabasePath).Length / 1e6:F0} MB"));

        var longHistory = new Dictionary<string, List<Timing>>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var page in pages)
            {
                var t = await TimeAsync(client, page.Path, requests, db);
                (longHistory.TryGetValue(page.Name, out var l) ? l : longHistory[page.Name] = []).Add(t);
                await Console.Out.WriteLineAsync(Invariant($"  run {run} {years} years {page.Name,-28}: p50 {t.P50,6:F1} ms, p95 {t.P95,6:F1} ms, database p95 {t.DbP95,6:F1} ms, load {Machine.LoadAverage()}"));
            }
        }
        foreach (var page in pages)
        {
            await Console.Out.WriteLineAsync($"slowest commands of the {page.Name} over {years} years (mean ms per request, last run):");
            foreach (var (command, ms) in longHistory[page.Name][^1].DbByCommand.OrderByDescending(kv => kv.Value).Take(4))
            {
                await Console.Out.WriteLineAsync(Invariant($"  {ms,7:F2} ms  {command}"));
            }
        }

        var report = new Report($"Queries ({runs} runs of {requests} requests per page, SQLite, {rows:N0} values seeded; baseline: the same page over 30 days of history)");
        foreach (var page in pages)
        {
            var longer = longHistory[page.Name];
            var shorter = shortHistory[page.Name];
            report.Add($"{page.Name}, {years} years: render p95 (ms)", [.. longer.Select(t => t.P95)], [.. shorter.Select(t => t.P95)], "F1", "≤ 100 ms", (v, _) => v <= 100);
            report.Add($"{page.Name}, {years} years: render p50 (ms)", [.. longer.Select(t => t.P50)], [.. shorter.Select(t => t.P50)], "F1", "—");
            report.Add($"{page.Name}, {years} years: database time per request p95 (ms)", [.. longer.Select(t => t.DbP95)], [.. shorter.Select(t => t.DbP95)], "F1", "—");
        }
        report.Add("12 plain MudBlazor cards page: render p95 (ms)", [.. cards.Select(t => t.P95)], null, "F1", "(reference)");
        await report.PrintAsync();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static async Task<Timing> TimeAsync(HttpClient client, string path, int requests, CommandTimes db)
    {
        for (var i = 0; i < 10; i++)
        {
            await GetAsync(client, path);
        }
        var total = new List<double>();
        var database = new List<double>();
        var byCommand = new Dictionary<string, double>();
        for (var i = 0; i < requests; i++)
        {
            db.Reset();
            var start = Stopwatch.GetTimestamp();
            await GetAsync(client, path);
            total.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var (sum, commands) = db.Take();
            database.Add(sum);
            foreach (var (text, ms) in commands)
            {
                byCommand[text] = byCommand.GetValueOrDefault(text) + ms / requests;
            }
        }
        return new Timing(Stats.Percentile(total, 50), Stats.Percentile(total, 95), Stats.Percentile(database, 95), byCommand);
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/masuk", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>An HTTP client with the cookie of a Development demo user, signed in through the plain form.</summary>
    private static async Task<HttpClient> SignedInClientAsync(Uri root)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = root };
        var form = await client.GetStringAsync("/masuk?ReturnUrl=%2F");
        var token = AntiforgeryField().Match(form);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["ReturnUrl"] = "/",
            ["username"] = "admin",
            ["password"] = DemoUsers.Password,
        });
        using var response = await client.PostAsync("/masuk", body);
        if (response.RequestMessage?.RequestUri?.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>
    /// Daily values for <paramref name="years"/> years up to today for every indicator × region (city, kecamatan,
    /// kelurahan) and every other scope that already has values; existing days are kept.
    /// </summary>
    private static async Task<long> SeedAsync(string path, int years)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var series = new HashSet<(string Code, int Kind, string Scope)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = """
                SELECT d.Code, r.Level, r.Code FROM Indicators d CROSS JOIN Regions r
                UNION SELECT DISTINCT IndicatorCode, ScopeKind, ScopeCode FROM IndicatorValues
                """;
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                series.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
            }
        }
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var first = today.AddYears(-years);
        var random = new Random(8);
        long rows = 0;
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT OR IGNORE INTO IndicatorValues (IndicatorCode, ScopeKind, ScopeCode, Date, Value, Label) VALUES ($code, $kind, $scope, $date, $value, NULL)";
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        var scope = insert.Parameters.Add("$scope", SqliteType.Text);
        var date = insert.Parameters.Add("$date", SqliteType.Text);
        var value = insert.Parameters.Add("$value", SqliteType.Real);
        insert.Prepare();
        foreach (var s in series)
        {
            code.Value = s.Code;
            kind.Value = s.Kind;
            scope.Value = s.Scope;
            var level = 50 + random.NextDouble() * 100;
            for (var d = first; d <= today; d = d.AddDays(1))
            {
                date.Value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                value.Value = Math.Round(level + random.NextDouble() * 20, 1);
                rows += await insert.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
        return rows;
    }

    /// <summary>Sums the duration of every EF Core database command (per command text) since the last <see cref="Reset"/>.</summary>
    private sealed class CommandTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<IDisposable> _subscriptions = [];
        private Dictionary<string, double> _byCommand = [];

        public void Reset()
        {
            lock (_gate)
            {
                _byCommand = [];
            }
        }

        public (double Sum, Dictionary<string, double> ByCommand) Take()
        {
            lock (_gate)
            {
                var taken = _byCommand;
                _byCommand = [];
                return (taken.Values.Sum(), taken);
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData e)
            {
                var text = string.Join(' ', e.Command.CommandText.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
                text = text.Length > 160 ? text[..160] + "…" : text;
                lock (_gate)
                {
                    _byCommand[text] = _byCommand.GetValueOrDefault(text) + e.Duration.TotalMilliseconds;
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
    }
}
