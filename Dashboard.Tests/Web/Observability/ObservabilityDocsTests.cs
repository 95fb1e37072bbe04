using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Ingest.Shared.Telemetry;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Observability;

/// <summary>
/// The Grafana dashboard in docs/ and the alerting rules in docs/OPERATIONS.md only name metrics the product exports:
/// every instrument of the <c>Dasbor</c> meter (under its Prometheus name, with or without samples yet) and every other
/// family of a real scrape after a run.
/// </summary>
public sealed partial class ObservabilityDocsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
    };

    [Fact]
    public async Task The_grafana_dashboard_and_the_alert_rules_name_only_exported_metrics()
    {
        var known = await ExportedNamesAsync();
        var expressions = GrafanaExpressions().Select(e => ("docs/grafana/dasbor-dashboard.json", e))
            .Concat(RuleExpressions().Select(e => ("docs/OPERATIONS.md", e)))
            .ToList();
        Assert.True(expressions.Count >= 20, $"only {expressions.Count} expressions found");
        var used = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (file, expression) in expressions)
        {
            foreach (var name in MetricNames(expression))
            {
                used.Add(name);
                if (!known.Contains(name))
                {
                    unknown.Add($"{file}: {name} in `{expression}`");
                }
            }
        }
        Assert.True(unknown.Count == 0, "Unknown metric names:\n" + string.Join('\n', unknown));
        // The dashboard covers the product's own metrics.
        Assert.Contains("dasbor_ingest_items_total", used);
        Assert.Contains("dasbor_source_lag_seconds", used);
        Assert.Contains("dasbor_walls_connected", used);
    }

    [Fact]
    public void The_name_check_can_fail()
    {
        Assert.Equal(["dasbor_nonexistent_total", "up"], MetricNames("""sum by (source) (rate(dasbor_nonexistent_total{kind="read"}[5m])) and on () up == 1"""));
    }

    /// <summary>Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or strings.</summary>
    internal static IReadOnlyList<string> MetricNames(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = Matchers().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        return
        [
            .. Identifiers().Matches(text)
                .Where(m => !text[(m.Index + m.Length)..].TrimStart().StartsWith('(') && !PromQlWords.Contains(m.Value))
                .Select(m => m.Value)
                .Distinct(),
        ];
    }

    private static List<string> GrafanaExpressions()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "grafana", "dasbor-dashboard.json")));
        var found = new List<string>();
        Walk(json.RootElement, found);
        return found;

        static void Walk(JsonElement e, List<string> found)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "expr" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(p.Value.GetString()!);
                    }
                    else
                    {
                        Walk(p.Value, found);
                    }
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, found);
                }
            }
        }
    }

    private static IEnumerable<string> RuleExpressions() =>
        File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "OPERATIONS.md"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("expr:", StringComparison.Ordinal))
            .Select(l => l["expr:".Length..].Trim());

    /// <summary>The Prometheus names of every <c>Dasbor</c> instrument of a host, and every family of its scrape after a run.</summary>
    private static async Task<HashSet<string>> ExportedNamesAsync()
    {
        await using var app = new DashboardFactory();
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var (_, key) = await app.Services.GetRequiredService<ApiClientAdministration>().CreateAsync("admin", "prometheus", [ApiScopes.Metrics], Ct);
        await app.RefreshAsync("Complaints");
        var names = new HashSet<string>(StringComparer.Ordinal) { "up" };
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == DasborTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    lock (names)
                    {
                        names.UnionWith(PrometheusNames(instrument));
                    }
                }
            };
            listener.Start();
        }
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        foreach (var line in (await response.Content.ReadAsStringAsync(Ct)).Split('\n'))
        {
            if (line.Length > 0 && line[0] != '#' && SampleName().Match(line) is { Success: true } m)
            {
                names.Add(m.Value);
            }
        }
        Assert.Contains("dasbor_ingest_items_total", names);
        return names;
    }

    /// <summary>How the OpenTelemetry Prometheus exporter names an instrument's series.</summary>
    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        name += instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
        {
            return [name + "_total"];
        }
        if (type == typeof(Histogram<>))
        {
            return [name + "_bucket", name + "_sum", name + "_count"];
        }
        return [name];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SampleName();
}
