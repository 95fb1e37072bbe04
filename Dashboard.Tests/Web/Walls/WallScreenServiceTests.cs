using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Web.Features.Walls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Web.Walls;

public sealed class WallScreenServiceTests : IDisposable
{
    private readonly InMemoryReportingDb _db = new();
    private readonly FakeTimeProvider _time = new(WebTestContext.Start);
    private readonly WallScreenService _screens;

    public WallScreenServiceTests() => _screens = new WallScreenService(_db, _time, NullLogger<WallScreenService>.Instance);

    private static WallScreenInput Input(string name = "Dinding utara", params string[] boards) =>
        new(name, "NCC", boards.Length == 0 ? ["kota"] : boards, false, 60, WallTheme.Dark, null, null);

    [Fact]
    public async Task Create_stores_only_the_hash_and_the_token_finds_the_screen()
    {
        var (screen, token) = await _screens.CreateAsync(Input(), "admin", TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var stored = await db.Set<WallScreen>().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(WallTokens.Hash(token), stored.TokenHash);
        Assert.Equal(screen.Id, (await _screens.FindByTokenAsync(token, TestContext.Current.CancellationToken))?.Id);
        Assert.Null(await _screens.FindByTokenAsync(WallTokens.NewToken(), TestContext.Current.CancellationToken));
        Assert.Contains(await db.AuditEntries.ToListAsync(TestContext.Current.CancellationToken), a => a.Action == WallScreenService.AuditCreate && a.Target == $"layar:{screen.Id}");
    }

    [Fact]
    public async Task Revoke_refuses_the_token_and_rotate_replaces_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (screen, token) = await _screens.CreateAsync(Input(), "admin", ct);
        var hash = WallTokens.Hash(token);
        Assert.NotNull(await _screens.CurrentAsync(screen.Id, hash, ct));

        var rotated = await _screens.RotateTokenAsync(screen.Id, "admin", ct);
        Assert.NotEqual(token, rotated);
        Assert.Null(await _screens.FindByTokenAsync(token, ct));
        Assert.Null(await _screens.CurrentAsync(screen.Id, hash, ct));
        Assert.NotNull(await _screens.FindByTokenAsync(rotated, ct));

        await _screens.RevokeAsync(screen.Id, "admin", ct);
        Assert.Null(await _screens.FindByTokenAsync(rotated, ct));
        Assert.Null(await _screens.CurrentAsync(screen.Id, WallTokens.Hash(rotated), ct));
    }

    [Theory]
    [InlineData("", "kota", 60, null, null)]
    [InlineData("Layar", "", 60, null, null)]
    [InlineData("Layar", "tidak-ada", 60, null, null)]
    [InlineData("Layar", "kota", 5, null, null)]
    [InlineData("Layar", "kota", 60, "22:00", null)]
    [InlineData("Layar", "kota", 60, "25:00", "06:00")]
    public void Validate_rejects_bad_input(string name, string boards, int seconds, string? nightFrom, string? nightUntil) =>
        Assert.Throws<ArgumentException>(() => WallScreenService.Validate(new WallScreenInput(
            name, null, [.. boards.Split(',', StringSplitOptions.RemoveEmptyEntries)], false, seconds, WallTheme.Dark, nightFrom, nightUntil)));

    [Theory]
    [InlineData("22:00", "06:00", "23:30", true)]
    [InlineData("22:00", "06:00", "05:59", true)]
    [InlineData("22:00", "06:00", "06:00", false)]
    [InlineData("22:00", "06:00", "12:00", false)]
    [InlineData("01:00", "05:00", "03:00", true)]
    [InlineData("01:00", "05:00", "05:30", false)]
    public void Night_window_may_cross_midnight(string from, string until, string at, bool night)
    {
        var settings = new WallScreenSettings(1, "x", null, [], false, 60, WallTheme.Dark, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(night, settings.IsNight(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Dispose() => _db.Dispose();
}

public sealed class WallScheduleTests
{
    [Fact]
    public void Rotating_regions_goes_over_the_5_kecamatan_then_the_kota_for_each_board()
    {
        var steps = WallSchedule.Steps(WallBoards.Parse("kota,aduan"), rotateRegions: true);

        Assert.Equal(12, steps.Count);
        Assert.All(steps.Take(5), s => Assert.StartsWith(ReferenceData.KotaCode + ".", s.ScopeCode, StringComparison.Ordinal));
        Assert.Equal(ReferenceData.KotaCode, steps[5].ScopeCode);
        Assert.Equal(5, steps.Take(5).Select(s => s.ScopeCode).Distinct().Count());
        Assert.Equal(["kota", "aduan"], steps.Select(s => s.Board.Id).Distinct());
    }

    [Fact]
    public void Screens_with_the_same_playlist_are_in_step_whenever_they_started()
    {
        var interval = TimeSpan.FromSeconds(30);
        var at = new DateTimeOffset(2026, 6, 10, 7, 0, 5, TimeSpan.Zero);

        // Same instant, same answer, wherever a screen is in its own life; the step moves at the boundary.
        Assert.Equal(WallSchedule.IndexAt(at, 3, interval), WallSchedule.IndexAt(at.AddSeconds(20), 3, interval));
        Assert.Equal((WallSchedule.IndexAt(at, 3, interval) + 1) % 3, WallSchedule.IndexAt(at.AddSeconds(30), 3, interval));
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 7, 0, 30, TimeSpan.Zero), WallSchedule.NextChangeAfter(at, interval));
        Assert.Equal((WallSchedule.IndexAt(at, 3, interval) + 1) % 3, WallSchedule.IndexAt(at, 3, interval, offset: 1));
        Assert.Equal(0, WallSchedule.IndexAt(at, 1, interval));
    }

    [Fact]
    public void Unknown_boards_are_dropped_and_an_empty_playlist_shows_the_city()
    {
        Assert.Equal(["aduan", "pendapatan"], WallBoards.Parse(" aduan, tidak-ada ,pendapatan,aduan").Select(b => b.Id));
        Assert.Equal("kota", Assert.Single(WallSchedule.Steps([], rotateRegions: false)).Board.Id);
        Assert.All(WallBoards.All, b => Assert.True(b.IsOverview || Dashboard.Ingest.Reporting.IndicatorCatalog.Sets.Any(s => s.Source == b.Source)));
    }

    [Fact]
    public void Tokens_are_long_random_and_recognisable()
    {
        var a = WallTokens.NewToken();
        Assert.True(WallTokens.LooksValid(a));
        Assert.NotEqual(a, WallTokens.NewToken());
        Assert.False(WallTokens.LooksValid("kurang"));
        Assert.False(WallTokens.LooksValid(a[..^1] + "!"));
    }
}
