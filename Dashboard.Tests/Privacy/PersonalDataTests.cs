using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
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
        "nik", "head_nik", "phone", "birth_date", "nip", "taxpayer_id",
    };

    /// <summary>Name fields: personal when they carry the marker (a school's name is not personal).</summary>
    private static readonly HashSet<string> NameFields = new(StringComparer.Ordinal) { "name", "head_name" };

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

        var haystacks = new Dictionary<string, string>
        {
            ["database"] = ReadShared(app.DatabasePath),
            ["wal"] = ReadShared(app.DatabasePath + "-wal"),
            ["logs"] = string.Join('\n', logs.Lines),
        };
        Assert.NotEmpty(logs.Lines);
        var leaks = (from h in haystacks
                     from value in personal
                     where h.Value.Contains(value, StringComparison.Ordinal)
                     select $"{h.Key}: {value}").Take(20).ToList();
        Assert.True(leaks.Count == 0, "Personal values found:\n" + string.Join('\n', leaks));
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        // SQLite keeps text as UTF-8; a lossy decode is enough to find UTF-8 substrings.
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

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
