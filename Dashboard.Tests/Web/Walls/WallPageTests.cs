using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Features.Alerts;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Walls;

/// <summary>The wall page on a fake clock: server-driven rotation, live push, identify, revocation, night mode, and no leaks.</summary>
public sealed class WallPageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private readonly WallPresence _presence;
    private readonly WallScreenService _screens;

    private readonly Dashboard.Web.Shared.Live.CircuitConnection _circuit = new();
    private readonly Dashboard.Tests.Infrastructure.CapturedLogs _logs = new();

    public WallPageTests()
    {
        _presence = new WallPresence(Time);
        Services.AddSingleton(_circuit);
        Services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        _screens = new WallScreenService(_db, Time, NullLogger<WallScreenService>.Instance);
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton(_presence);
        Services.AddSingleton(_screens);
        Services.AddSingleton<WallQueries>();
        Services.AddSingleton<AlertQueries>();
        Services.AddSingleton(Options.Create(new WallOptions { HeartbeatSeconds = 2, WatchdogSeconds = 60 }));
        ComponentFactories.AddStub<ApexChart>();
        UseInteractiveServerRenderer();
    }

    private async Task<(int Id, string Token)> RegisterAsync(string boards, int seconds = 10, bool regions = false, string? nightFrom = null, string? nightUntil = null)
    {
        var (screen, token) = await _screens.CreateAsync(
            new WallScreenInput("Dinding uji", "NCC", boards.Split(','), regions, seconds, WallTheme.Dark, nightFrom, nightUntil), "tester", Xunit.TestContext.Current.CancellationToken);
        return (screen.Id, token);
    }

    private IRenderedComponent<WallPage> Open(string token)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/dinding?token=" + Uri.EscapeDataString(token));
        var cut = Render<WallPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=wall]")));
        return cut;
    }

    private static string Step(IRenderedComponent<WallPage> cut) => cut.Find("[data-testid=wall]").GetAttribute("data-step")!;

    [Fact]
    public async Task Playlist_steps_change_on_the_servers_interval_boundaries()
    {
        var (_, token) = await RegisterAsync("kota,aduan,pendapatan");
        var cut = Open(token);
        string[] order = ["kota", "aduan", "pendapatan"];
        var first = Step(cut);
        Assert.Equal(order[WallSchedule.IndexAt(Start, 3, TimeSpan.FromSeconds(10))], first);

        Time.Advance(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal(order[(Array.IndexOf(order, first) + 1) % 3], Step(cut)));
        var titles = new Dictionary<string, string> { ["kota"] = "Kota Malang hari ini", ["aduan"] = "Aduan masyarakat", ["pendapatan"] = "Pendapatan daerah" };
        Assert.Equal(titles[Step(cut)], cut.Find("[data-testid=wall-board-title]").TextContent);
    }

    [Fact]
    public async Task A_board_rotates_over_the_5_kecamatan_then_the_kota()
    {
        var (_, token) = await RegisterAsync("aduan", regions: true);
        var cut = Open(token);
        var seen = new List<string> { cut.Find("[data-testid=wall-scope]").TextContent };
        for (var i = 0; i < 5; i++)
        {
            var before = Step(cut);
            Time.Advance(TimeSpan.FromSeconds(10));
            cut.WaitForAssertion(() => Assert.NotEqual(before, Step(cut)));
            seen.Add(cut.Find("[data-testid=wall-scope]").TextContent);
        }
        Assert.Equal(6, seen.Distinct().Count());
        Assert.Contains("Kota Malang", seen);
        Assert.Equal(ReferenceData.Kecamatan.Select(k => k.Name).Order(), seen.Where(s => s != "Kota Malang").Order());
    }

    [Fact]
    public async Task A_committed_run_reaches_the_open_wall()
    {
        var (_, token) = await RegisterAsync("aduan");
        var cut = Open(token);
        Assert.Equal("—", cut.Find("[data-testid=wall-tile-ADUAN_MASUK] [data-testid=tile-value]").TextContent.Trim());

        await _db.SetSourceStateAsync(ComplaintsIndicators.Source, Start);
        await _db.SetSnapshotAsync("ADUAN_MASUK", 57, Start);
        _broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, Start, 1, ["ADUAN_MASUK"]));

        cut.WaitForAssertion(() => Assert.Equal("57", cut.Find("[data-testid=wall-tile-ADUAN_MASUK] [data-testid=tile-value]").TextContent.Trim()));
    }

    [Fact]
    public async Task Identify_flashes_the_name_then_goes_away()
    {
        var (id, token) = await RegisterAsync("kota", seconds: 60);
        var cut = Open(token);
        Assert.Empty(cut.FindAll("[data-testid=wall-identify]"));

        Assert.Equal(1, await _presence.SendAsync(id, WallCommand.Identify));
        cut.WaitForAssertion(() => Assert.Contains("Dinding uji", cut.Find("[data-testid=wall-identify]").TextContent, StringComparison.Ordinal));

        Time.Advance(WallPage.IdentifyFor);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=wall-identify]")));
    }

    [Fact]
    public async Task Next_board_moves_only_this_screen_one_step_on()
    {
        var (id, token) = await RegisterAsync("kota,aduan", seconds: 600);
        var cut = Open(token);
        var first = Step(cut);

        await _presence.SendAsync(id, WallCommand.NextBoard);

        cut.WaitForAssertion(() => Assert.NotEqual(first, Step(cut)));
    }

    [Fact]
    public async Task A_revoked_screen_stops_at_its_next_heartbeat_and_releases_everything()
    {
        var (id, token) = await RegisterAsync("kota,aduan");
        var cut = Open(token);
        // The page and its alert ticker.
        Assert.Equal(2, _broadcaster.SubscriberCount);
        Assert.Single(_presence.Of(id));

        await _screens.RevokeAsync(id, "tester", Xunit.TestContext.Current.CancellationToken);
        Time.Advance(TimeSpan.FromSeconds(2));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=wall-revoked]")));
        Assert.Empty(cut.FindAll("[data-testid=wall]"));
        Assert.Equal(0, _broadcaster.SubscriberCount);
        Assert.Empty(_presence.Of(id));
    }

    [Fact]
    public async Task Closing_the_page_releases_its_subscription_and_presence()
    {
        var (id, token) = await RegisterAsync("kota,aduan");
        Open(token);
        Assert.Equal(2, _broadcaster.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, _broadcaster.SubscriberCount);
        Assert.Empty(_presence.Of(id));
    }

    [Fact]
    public async Task Night_window_dims_the_screen_and_the_heartbeat_reports_it()
    {
        // 14:00 WIB falls in 13:00–15:00.
        var (id, token) = await RegisterAsync("kota", nightFrom: "13:00", nightUntil: "15:00");
        var cut = Open(token);

        var wall = cut.Find("[data-testid=wall]");
        Assert.Equal("true", wall.GetAttribute("data-night"));
        Assert.Contains("brightness(35%)", wall.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("wall--night", wall.ClassList);
        Assert.Equal("kota", _presence.Of(id).Single().Board);
    }

    [Fact]
    public void An_unknown_token_shows_no_board()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/dinding?token=" + WallTokens.NewToken());
        var cut = Render<WallPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=wall-revoked]")));
        Assert.Equal(0, _broadcaster.SubscriberCount);
    }

    [Fact]
    public async Task A_closed_tab_is_logged_once_without_a_stack_trace_while_its_circuit_waits()
    {
        var (_, token) = await RegisterAsync("kota");
        var module = JSInterop.SetupModule("./js/wall.js");
        module.Setup<object?>("start", _ => true).SetResult(null);
        // A browser that went away: every call waits for the interop timeout and is cancelled.
        module.SetupVoid("beat", _ => true).SetException(new TaskCanceledException("JS interop timed out"));
        var cut = Open(token);

        await _circuit.OnConnectionDownAsync(null!, Xunit.TestContext.Current.CancellationToken);
        for (var i = 0; i < 12; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(15));
        }
        cut.WaitForAssertion(() => Assert.Single(_logs.Lines, l => l.Contains("connection lost", StringComparison.Ordinal)));

        var wall = _logs.Lines.Where(l => l.Contains(typeof(WallPage).FullName!, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(wall, l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
        Assert.DoesNotContain(wall, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }
}
