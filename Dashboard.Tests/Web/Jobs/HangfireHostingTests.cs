using System.Net;
using Dashboard.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Jobs;

/// <summary>
/// The one test host with a real Hangfire store (in memory). Hangfire's JobStorage.Current is process-wide, so
/// every other host runs with Hangfire:Storage=None. Its tests share it: they sign in (five sign-ins, well under the
/// per-address limit) and read, and the one that changes a schedule puts the default back.
/// </summary>
public sealed class HangfireHostingTests(HangfireHostingTests.App shared) : IClassFixture<HangfireHostingTests.App>, IAsyncLifetime
{
    private DashboardFactory _app = null!;

    /// <summary>The app the tests share, with Hangfire's in-memory store.</summary>
    public sealed class App : LazyDashboardFixture
    {
        protected override Task<DashboardFactory> CreateAsync()
        {
            var app = new DashboardFactory(new Dictionary<string, string?> { ["Hangfire:Storage"] = "InMemory" });
            app.StartServer();
            return Task.FromResult(app);
        }
    }

    public async ValueTask InitializeAsync() => _app = await shared.StartAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void RecurringPull_IsRegistered_WithItsIdCronAndJakartaTime()
    {
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "source-complaints");

        Assert.Equal("*/1 * * * *", job.Cron);
        Assert.Equal("Asia/Jakarta", job.TimeZoneId);
    }

    [Fact]
    public async Task ScheduleChange_IsPutInForceInHangfire_AndBackToTheDefault()
    {
        var scheduler = _app.Services.GetRequiredService<Dashboard.Ingest.Shared.Ingest.ISourceScheduler>();
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();

        await scheduler.ApplyAsync("Complaints", "*/5 6-18 * * 1-5", TestContext.Current.CancellationToken);
        Assert.Equal("*/5 6-18 * * 1-5", Assert.Single(connection.GetRecurringJobs(), j => j.Id == "source-complaints").Cron);

        await scheduler.ApplyAsync("Complaints", null, TestContext.Current.CancellationToken);
        Assert.Equal("*/1 * * * *", Assert.Single(connection.GetRecurringJobs(), j => j.Id == "source-complaints").Cron);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("walikota", HttpStatusCode.Forbidden)]
    [InlineData("dishub", HttpStatusCode.Forbidden)]
    public async Task HangfireDashboard_IsForAdministratorsAndOperatorsOnly(string user, HttpStatusCode expected)
    {
        using var http = await SignedInClientAsync(user);

        var response = await http.GetAsync(new Uri("hangfire", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_IsClosedToAnonymousUsers()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.RootUri };

        var response = await http.GetAsync(new Uri("hangfire", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> SignedInClientAsync(string user)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var http = new HttpClient(handler) { BaseAddress = _app.RootUri };
        var form = await http.GetStringAsync(new Uri("masuk", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["username"] = user,
            ["password"] = "Malang2026!",
            ["ReturnUrl"] = "/",
        });
        var signIn = await http.PostAsync(new Uri("masuk", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // An agency head lands on his agency's home (/opd/<OPD>) when no other page was asked for.
        Assert.Equal(user == "dishub" ? "/opd/DISHUB" : "/", signIn.Headers.Location?.OriginalString);
        return http;
    }
}
