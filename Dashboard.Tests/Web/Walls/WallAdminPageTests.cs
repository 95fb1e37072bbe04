using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Walls;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Tests.Web.Walls;

/// <summary>The wall administration page: revoking asks first, naming the screen; the playlist is picked from the boards and ordered.</summary>
public sealed class WallAdminPageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly WallScreenService _screens;

    public WallAdminPageTests()
    {
        _screens = new WallScreenService(_db, Time, NullLogger<WallScreenService>.Instance);
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(new WallPresence(Time));
        Services.AddSingleton(_screens);
        Services.AddSingleton(Options.Create(new WallOptions()));
        AddAuthorization().SetAuthorized("admin");
        UseInteractiveServerRenderer();
    }

    private async Task<int> RegisterAsync(string name)
    {
        var (screen, _) = await _screens.CreateAsync(
            new WallScreenInput(name, "Balai Kota", ["kota"], false, 60, WallTheme.Dark, null, null), "tester", Xunit.TestContext.Current.CancellationToken);
        return screen.Id;
    }

    [Fact]
    public async Task Revoke_asks_for_confirmation_naming_the_screen_and_cancel_keeps_it()
    {
        var id = await RegisterAsync("Ruang komando");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<WallAdminPage>();

        cut.WaitForElement($"[data-testid=wall-row-{id}] [data-testid=wall-revoke]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Ruang komando", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Batal").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.False((await _screens.ListAsync(Xunit.TestContext.Current.CancellationToken)).Single().IsRevoked);

        cut.Find($"[data-testid=wall-row-{id}] [data-testid=wall-revoke]").Click();
        dialogs.WaitForElement(".mud-dialog");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cabut").Click();
        await WaitRevokedAsync();
    }

    [Fact]
    public async Task The_playlist_is_chosen_from_the_boards_and_ordered()
    {
        var cut = Render<WallAdminPage>();
        var offered = cut.FindAll("[data-testid=wall-playlist-add] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        Assert.Equal(WallBoards.All.Where(b => b.Id != WallBoards.Overview).Select(b => b.Id), offered);

        cut.Find("input[data-testid=wall-form-name], [data-testid=wall-form-name] input").Change("Lobi");
        cut.Find("[data-testid=wall-playlist-add]").Change("aduan");
        cut.Find("[data-testid=wall-playlist-add]").Change("pendapatan");
        Assert.DoesNotContain("aduan", cut.FindAll("[data-testid=wall-playlist-add] option").Select(o => o.GetAttribute("value")));
        // pendapatan before aduan, and the city board out.
        cut.FindAll("[data-testid=wall-playlist-up]")[2].Click();
        cut.FindAll("[data-testid=wall-playlist-remove]")[0].Click();
        Assert.Equal(["pendapatan", "aduan"], cut.FindAll("[data-testid=wall-playlist-item]").Select(i => i.GetAttribute("data-board")));

        cut.Find("[data-testid=wall-form-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("pendapatan,aduan",
            _screens.ListAsync(Xunit.TestContext.Current.CancellationToken).GetAwaiter().GetResult().Single().Boards));
        await Task.CompletedTask;
    }

    private Task WaitRevokedAsync() =>
        Eventually.TrueAsync(async () => (await _screens.ListAsync(Xunit.TestContext.Current.CancellationToken)).Single().IsRevoked,
            TimeSpan.FromSeconds(10), "the screen is revoked after the confirmation");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }
}
