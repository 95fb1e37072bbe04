using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Privacy;

/// <summary>
/// Issue 3's privacy guarantee, for every registered source at once: the simulators emit distinctive personal
/// values (names carry a marker; NIK, phones, NIPs, NPWPDs and birth dates are read back from what they served),
/// every source is refreshed with malformed items and unannounced fields in the mix (so quarantine is used), and
/// then the whole database file, its WAL and every captured log line are scanned for those values.
/// </summary>
public sealed class PersonalDataTests
{
    private const string Marker = "Zqxprivat";

    /// <summary>Fields whose values are personal wherever they appear.</summary>
    private static readonly HashSet<string> PersonalFields = new(StringComparer.Ordinal)
    {
        "nik", "head_nik", "phone", "birth_date", "nip", "taxpayer_id", "npwp", "bank_account", "address",
    };

    /// <summary>Name and free-text fields: personal when they carry the marker (a school's name is not personal).</summary>
    private static readonly HashSet<string> NameFields = new(StringComparer.Ordinal) { "name", "head_name", "description", "problems" };

    [Fact]
    public async Task No_personal_value_reaches_the_database_file_its_wal_or_the_logs()
    {
        var logs = new CapturedLogs();
        await using var app = new DashboardFactory(
            new Dictionary<string, string?>
            {
                ["Sources:Simulator:PersonalDataMarker"] = Marker,
                ["Sources:Simulator:HistoryDays"] = "20",
                ["Logging:LogLevel:Default"] = "Trace",
            },
            b => b.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var stopwatch = Stopwatch.StartNew();
        _ = app.RootUri;
        var sources = app.Services.GetServices<IIngestSource>().ToList();
        var simulators = app.Services.GetServices<ISourceSimulator>().ToDictionary(s => s.Source, StringComparer.Ordinal);
        Assert.NotEmpty(sources);

        foreach (var source in sources)
        {
            if (simulators[source.Name] is ILiveSimulator live)
            {
                live.Faults.MalformedItems(40);
                live.Faults.UnknownFields(40);
            }
            var run = await app.RefreshAsync(source.Name);
            Assert.True(run.Status == IngestRunStatus.Succeeded, $"{source.Name}: {run.Status} {run.Error}");
        }
        foreach (var live in simulators.Values.OfType<ILiveSimulator>())
        {
            live.Faults.Reset();
        }
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.True(db.QuarantinedItems.Any(), "No item was quarantined: the scan would not cover quarantine payloads.");
        }

        var refreshed = stopwatch.Elapsed;

        var personal = new HashSet<string>(StringComparer.Ordinal) { Marker };
        using var http = app.CreateHttpClient();
        foreach (var source in sources)
        {
            foreach (var feed in source.Feeds)
            {
                await CollectAsync(http, simulators[source.Name].BasePath, feed.Resource, source.Options.ApiKey, personal);
            }
        }
        Assert.True(personal.Count > 1, "The simulators served no personal values to look for.");
        var collected = stopwatch.Elapsed;

        Assert.NotEmpty(logs.Lines);
        var scanning = Stopwatch.StartNew();
        var haystacks = Haystacks(app, logs);
        var leaks = new LeakScan(personal).FindIn(haystacks, 20);
        Report(stopwatch, refreshed, collected, scanning, personal.Count, haystacks);
        Assert.True(leaks.Count == 0, "Personal values found:\n" + string.Join('\n', leaks));
    }

    /// <summary>
    /// Issue 19: a source may put a person's name, NIK or phone number in any field, not only in the personal ones. For
    /// every source, every feed and every contract field (nested ones and the first element of a list included), one item
    /// a marker of each kind is served over real HTTP by a fake source and ingested by the real engine and mappers; then
    /// the database file, its WAL and the logs are scanned for every marker. Stored, neutralised or quarantined: none lands.
    /// Exceptions by design: the name of a school, of a revenue line or of a permit type is an institution's name and is kept (only digit
    /// runs are scrubbed from it), so only the number markers go there; a record id kept as the source's key may be any
    /// opaque number, so only the name marker goes there.
    /// </summary>
    [Fact]
    public async Task A_personal_value_in_any_contract_field_of_any_source_never_lands()
    {
        var logs = new CapturedLogs();
        await using var app = new DashboardFactory(
            new Dictionary<string, string?>
            {
                ["Sources:Simulator:HistoryDays"] = "5",
                ["Logging:LogLevel:Default"] = "Trace",
            },
            b => b.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        _ = app.RootUri;
        var sources = app.Services.GetServices<IIngestSource>().ToList();
        var simulators = app.Services.GetServices<ISourceSimulator>().ToDictionary(s => s.Source, StringComparer.Ordinal);
        var engine = app.Services.GetRequiredService<IngestEngine>();
        var year = Wib.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
        using var http = app.CreateHttpClient();
        var markers = new List<string>();
        var served = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var source in sources)
        {
            foreach (var feed in source.Feeds)
            {
                var sample = await FirstItemAsync(http, simulators[source.Name].BasePath, feed.Resource, source.Options.ApiKey, year);
                Assert.True(sample is not null, $"{source.Name}/{feed.Resource}: the simulator served no item to start from");
                var variants = new JsonArray();
                foreach (var (path, kinds) in Fields(sample!, feed.Resource))
                {
                    foreach (var kind in kinds)
                    {
                        n++;
                        var marker = kind switch
                        {
                            Kind.Name => $"Zqxnama{n} Penanda",
                            Kind.Nik => string.Create(CultureInfo.InvariantCulture, $"35739{n:D11}"),
                            _ => string.Create(CultureInfo.InvariantCulture, $"0812{70_000_000 + n:D8}"),
                        };
                        markers.Add(marker);
                        var item = (JsonObject)sample!.DeepClone();
                        Distinguish(item, n, path);
                        Set(item, path, marker);
                        variants.Add(item);
                    }
                }
                served[feed.Resource] = new JsonObject { ["items"] = variants, ["next_cursor"] = null }.ToJsonString();
            }
            await using var server = await HostileServer.StartAsync((context, _) =>
            {
                var resource = context.Request.Path.Value!.Split('/').Last();
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(served.GetValueOrDefault(resource, "{\"items\":[],\"next_cursor\":null}"), context.RequestAborted);
            });
            var run = await engine.RunAsync(source, server.Client(source.Options), new RunRequest(IngestTrigger.Manual, "tester", "markers"), CancellationToken.None);
            Assert.True(run.Status == IngestRunStatus.Succeeded, $"{source.Name}: {run.Status} {run.Error}");
            Assert.True(run.Inserted + run.Updated > 0, $"{source.Name}: nothing was stored, so stored columns were not tried");
            Assert.True(run.Rejected > 0, $"{source.Name}: nothing was quarantined, so quarantine was not tried");
        }
        Assert.True(markers.Count > 100, $"only {markers.Count} markers");

        var leaks = new LeakScan(markers).FindIn(Haystacks(app, logs), 30);
        Assert.True(leaks.Count == 0, $"Personal values found ({markers.Count} tried):\n" + string.Join('\n', leaks));
    }

    private enum Kind { Name, Nik, Phone }

    private static readonly Kind[] AllKinds = [Kind.Name, Kind.Nik, Kind.Phone];

    /// <summary>Every field of an item (top level, nested object properties, a list's first element) and the markers it gets.</summary>
    private static IEnumerable<(string[] Path, Kind[] Kinds)> Fields(JsonObject item, string resource)
    {
        foreach (var (name, value) in item)
        {
            // An institution's or a budget line's name (the Permendagri 90/2019 nomenclature) is not personal and is kept:
            // only the number markers.
            // A record's id is the source's key: an opaque number there is indistinguishable from a NIK, so only the name.
            var institution = (name == "name" && resource is "schools" or "targets" or "permit-types") || (name == "sub_activity_name" && resource == "budget-lines");
            var kinds = institution ? [Kind.Nik, Kind.Phone] : name == "id" ? [Kind.Name] : AllKinds;
            yield return ([name], kinds);
            if (value is JsonObject nested)
            {
                foreach (var (inner, _) in nested)
                {
                    yield return ([name, inner], AllKinds);
                }
            }
            else if (value is JsonArray { Count: > 0 })
            {
                yield return ([name, "0"], AllKinds);
            }
        }
    }

    private static void Set(JsonObject item, string[] path, string marker)
    {
        if (path.Length == 1)
        {
            item[path[0]] = marker;
        }
        else if (item[path[0]] is JsonObject nested)
        {
            nested[path[1]] = marker;
        }
        else if (item[path[0]] is JsonArray list)
        {
            list[0] = marker;
        }
    }

    /// <summary>
    /// Gives each variant its own record (the last digits of its id changed, or its own retribution code for a target,
    /// which has no id), so that every variant is stored or quarantined on its own rather than overwritten in the page.
    /// </summary>
    private static void Distinguish(JsonObject item, int n, string[] path)
    {
        if (item["id"] is JsonValue id && id.TryGetValue<string>(out var text) && path[0] != "id")
        {
            var digits = Regex.Match(text, @"\d+(?=\D*$)", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (digits.Success)
            {
                var width = Math.Min(digits.Length, 4);
                var tail = digits.Index + digits.Length - width;
                var value = (int.Parse(text.AsSpan(tail, width), CultureInfo.InvariantCulture) + n) % (int)Math.Pow(10, width);
                item["id"] = text[..tail] + value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + text[(tail + width)..];
            }
        }
        else if (!item.ContainsKey("id") && item.ContainsKey("revenue_code") && path[0] is not ("revenue_code" or "kind"))
        {
            item["revenue_code"] = string.Create(CultureInfo.InvariantCulture, $"RETRIBUSI_UJI_{(char)('A' + n % 26)}{(char)('A' + n / 26 % 26)}");
            item["kind"] = "retribusi";
        }
    }

    /// <summary>The first live item of a simulated resource (a tombstone has too few fields to try).</summary>
    private static async Task<JsonObject?> FirstItemAsync(HttpClient http, string basePath, string resource, string key, int year)
    {
        // Unpaged resources (revenue targets) want a year; the others ignore it.
        var url = string.Create(CultureInfo.InvariantCulture, $"{basePath.TrimEnd('/')}/v1/{resource}?limit=200&year={year}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        // Unpaged resources answer a bare array; the fake serves every resource in the paged envelope.
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var items = page is JsonArray bare ? bare : page["items"]!.AsArray();
        return items.OfType<JsonObject>().FirstOrDefault(i => i["deleted"] is null || !i["deleted"]!.GetValue<bool>());
    }

    /// <summary>Where a personal value must never be: the database file, its WAL and every captured log line.</summary>
    private static Dictionary<string, string> Haystacks(DashboardFactory app, CapturedLogs logs) => new()
    {
        ["database"] = LeakScan.ReadShared(app.DatabasePath),
        ["wal"] = LeakScan.ReadShared(app.DatabasePath + "-wal"),
        ["logs"] = string.Join('\n', logs.Lines),
    };

    /// <summary>Where the test's time went, and how much it scanned (in the test's output).</summary>
    private static void Report(Stopwatch total, TimeSpan refreshed, TimeSpan collected, Stopwatch scanning, int values, Dictionary<string, string> haystacks) =>
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"refresh {refreshed.TotalSeconds:F1} s, collect {(collected - refreshed).TotalSeconds:F1} s, scan {scanning.Elapsed.TotalSeconds:F1} s " +
            $"({values} values in {string.Join(", ", haystacks.Select(h => $"{h.Key} {h.Value.Length / 1_000_000.0:F1} M chars"))}), total {total.Elapsed.TotalSeconds:F1} s"));

    /// <summary>Reads every page of one simulated resource and keeps the personal values it carries.</summary>
    private static async Task CollectAsync(HttpClient http, string basePath, string resource, string key, HashSet<string> personal)
    {
        string? cursor = null;
        do
        {
            var url = $"{basePath.TrimEnd('/')}/v1/{resource}?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("items", out var items))
            {
                return;
            }
            foreach (var item in items.EnumerateArray())
            {
                Collect(item, resource == "employees" ? "id" : null, personal);
            }
            cursor = json.RootElement.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
    }

    private static void Collect(JsonElement element, string? personalId, HashSet<string> personal)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray())
            {
                Collect(e, null, personal);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var p in element.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String)
            {
                var value = p.Value.GetString()!;
                if (PersonalFields.Contains(p.Name) || p.Name == personalId ||
                    NameFields.Contains(p.Name) && value.Contains(Marker, StringComparison.Ordinal))
                {
                    if (value.Length >= 6)
                    {
                        personal.Add(value);
                    }
                }
            }
            else
            {
                Collect(p.Value, null, personal);
            }
        }
    }
}
