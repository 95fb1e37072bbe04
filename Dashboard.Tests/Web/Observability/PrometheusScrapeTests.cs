using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Observability;

/// <summary>
/// A real Debian <c>prometheus</c>, started on a free loopback port with a generated configuration, scrapes the product
/// with a <c>metrics</c>-scope key; its query API then has the ingest counters of a run. Absent binary: skipped with the
/// reason, or failed under <c>CI=true</c> (.ci/run installs it).
/// </summary>
public sealed class PrometheusScrapeTests
{
    public const string Binary = "/usr/bin/prometheus";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prometheus_scrapes_the_ingest_counters_of_a_run()
    {
        if (!File.Exists(Binary))
        {
            const string reason = $"prometheus is not installed at {Binary} (apt-get install -y prometheus)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"Prometheus is required under CI=true: {reason}.");
            }
            Assert.Skip($"Prometheus test skipped: {reason}.");
        }
        await using var app = new DashboardFactory();
        var (_, key) = await app.Services.GetRequiredService<ApiClientAdministration>().CreateAsync("admin", "prometheus", [ApiScopes.Metrics], Ct);
        var run = await app.RefreshAsync("Complaints");
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);

        var directory = Directory.CreateTempSubdirectory("dasbor-prometheus-");
        var port = FreePort.Next();
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: dasbor
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials: {key}
                static_configs:
                  - targets: ["{app.RootUri.Authority}"]
            """, Ct);
        using var prometheus = Process.Start(new ProcessStartInfo(Binary)
        {
            ArgumentList =
            {
                "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(directory.FullName, "data"),
                "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("prometheus did not start");
        prometheus.OutputDataReceived += (_, _) => { };
        prometheus.ErrorDataReceived += (_, _) => { };
        prometheus.BeginOutputReadLine();
        prometheus.BeginErrorReadLine();
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            double? read = null;
            await Eventually.TrueAsync(() =>
            {
                read = QueryAsync(api, """dasbor_ingest_items_total{source="Complaints",kind="read"}""").GetAwaiter().GetResult();
                return read is not null;
            }, TimeSpan.FromSeconds(60), "prometheus to have scraped dasbor_ingest_items_total for Complaints");
            // At least this run's items (other hosts of the test process count into the same meter name).
            Assert.True(read >= run.ItemsRead, $"scraped {read}, the run read {run.ItemsRead}");
            // The scrape itself is healthy (authenticated with the metrics key).
            Assert.Equal(1, await QueryAsync(api, """up{job="dasbor"}"""));
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync(CancellationToken.None);
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The value of the first series of an instant query, or null (no series yet, or prometheus not up yet).</summary>
    private static async Task<double?> QueryAsync(HttpClient api, string query)
    {
        try
        {
            var body = await api.GetFromJsonAsync<JsonElement>("api/v1/query?query=" + Uri.EscapeDataString(query), Ct);
            var result = body.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0
                ? null
                : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
