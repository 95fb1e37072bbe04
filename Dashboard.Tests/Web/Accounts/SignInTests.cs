using System.Net;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>Identity-backed sign-in on /masuk: demo users in Development, lock-out, disabled accounts, password change.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly DashboardFactory _app = new(new Dictionary<string, string?> { ["Auth:LockoutAttempts"] = "3", ["Auth:LockoutMinutes"] = "7" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DemoUser_SignsIn_AndReachesTheOverview_SignOutEndsIt()
    {
        using var client = new AccountClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, await client.StatusAsync("/"));

        Assert.Equal("/aduan", await client.SignInAsync("walikota", DemoUsers.Password, "/aduan"));

        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/"));
        var signOut = await client.PostFormAsync("akun/kata-sandi", "keluar", []);
        Assert.Equal("/masuk", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, await client.StatusAsync("/"));
    }

    [Fact]
    public async Task WrongPassword_IsRefused_WithTheGenericMessage()
    {
        using var client = new AccountClient(_app);

        var location = await client.SignInAsync("admin", "salah-sekali");

        Assert.Contains("gagal=1", location, StringComparison.Ordinal);
        var page = await client.Http.GetStringAsync(new Uri(location, UriKind.Relative));
        Assert.Contains("Nama pengguna atau kata sandi salah.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenTheRightPasswordIsRefused_UntilAnAdminUnlocks()
    {
        using var client = new AccountClient(_app);
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("gagal=1", await client.SignInAsync("operator", "bukan-ini"), StringComparison.Ordinal);
        }

        var third = await client.SignInAsync("operator", "bukan-ini");
        Assert.Contains("terkunci=1", third, StringComparison.Ordinal);
        var page = await client.Http.GetStringAsync(new Uri(third, UriKind.Relative));
        Assert.Contains("terkunci", page, StringComparison.Ordinal);
        Assert.Contains("7 menit", page, StringComparison.Ordinal);
        Assert.Contains("terkunci=1", await client.SignInAsync("operator", DemoUsers.Password), StringComparison.Ordinal);

        var admin = _app.Services.GetRequiredService<UserAdministration>();
        var id = (await admin.ListAsync(default)).Single(u => u.UserName == "operator").Id;
        Assert.True((await admin.SetLockedAsync("admin", id, locked: false, default)).Succeeded);

        Assert.Equal("/", await client.SignInAsync("operator", DemoUsers.Password));
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.unlock" && a.Target == "user:operator" && a.User == "admin"));
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_WithTheRightPassword()
    {
        var admin = _app.Services.GetRequiredService<UserAdministration>();
        _ = _app.RootUri;
        var id = (await admin.ListAsync(default)).Single(u => u.UserName == "dishub").Id;
        Assert.True((await admin.SetDisabledAsync("admin", id, disabled: true, default)).Succeeded);
        using var client = new AccountClient(_app);

        Assert.Contains("gagal=1", await client.SignInAsync("dishub", DemoUsers.Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChange_NeedsTheCurrentPassword_KeepsTheSession_AndTheNewOneSignsIn()
    {
        using var client = new AccountClient(_app);
        await client.SignInAsync("walikota", DemoUsers.Password);

        var wrong = await client.PostFormAsync("akun/kata-sandi", "akun/kata-sandi",
            new() { ["current"] = "bukan", ["new"] = "kalimat sandi baru yang panjang", ["confirm"] = "kalimat sandi baru yang panjang" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kata sandi sekarang salah.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tooShort = await client.PostFormAsync("akun/kata-sandi", "akun/kata-sandi",
            new() { ["current"] = DemoUsers.Password, ["new"] = "pendek", ["confirm"] = "pendek" });
        Assert.Contains("Kata sandi terlalu pendek.", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await client.PostFormAsync("akun/kata-sandi", "akun/kata-sandi",
            new() { ["current"] = DemoUsers.Password, ["new"] = "kalimat sandi baru yang panjang", ["confirm"] = "kalimat sandi baru yang panjang" });
        Assert.Equal("/akun/kata-sandi?ok=1", ok.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/"));

        using var again = new AccountClient(_app);
        Assert.Contains("gagal=1", await again.SignInAsync("walikota", DemoUsers.Password), StringComparison.Ordinal);
        Assert.Equal("/", await again.SignInAsync("walikota", "kalimat sandi baru yang panjang"));
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.password.change" && a.User == "walikota"));
    }
}
