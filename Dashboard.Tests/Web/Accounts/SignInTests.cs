using System.Net;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// Identity-backed sign-in on /masuk: demo users in Development, the lock-out per address and account, one answer for
/// every refusal, disabled accounts, password change.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly DashboardFactory _app = new(
        new Dictionary<string, string?> { ["Auth:LockoutAttempts"] = "3", ["Auth:LockoutMinutes"] = "7", ["Hardening:SignInPerMinute"] = "100" },
        b => b.ConfigureServices(s =>
        {
            s.AddSingleton<CountingHasher>();
            s.AddSingleton<IPasswordHasher<DashboardUser>>(p => p.GetRequiredService<CountingHasher>());
        }));

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
        // The user name typed stays in the form (not in the address), and the password has the focus.
        Assert.Contains("<input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"admin\">", page, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\" required autofocus>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFailures_HoldThatAddress_WithTheSameAnswer_EvenTheRightPasswordIsRefused_ThereOnly()
    {
        using var guesser = new AccountClient(_app, "198.51.100.66");
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("gagal=1", await guesser.SignInAsync("operator", "bukan-ini"), StringComparison.Ordinal);
        }

        var held = await guesser.SignInAsync("operator", DemoUsers.Password);
        Assert.Equal(await guesser.SignInAsync("operator", "bukan-ini"), held);
        var page = await guesser.Http.GetStringAsync(new Uri(held, UriKind.Relative));
        Assert.Contains("Nama pengguna atau kata sandi salah.", page, StringComparison.Ordinal);
        Assert.Contains("7 menit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("terkunci", page, StringComparison.Ordinal);

        // The owner, from their own address, is not locked out by someone else's guesses.
        using var owner = new AccountClient(_app, "203.0.113.10");
        Assert.Equal("/", await owner.SignInAsync("operator", DemoUsers.Password));
    }

    [Fact]
    public async Task AStranger_CannotLockTheMayorOut_FromManyGuesses()
    {
        using var stranger = new AccountClient(_app, "198.51.100.7");
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains("gagal=1", await stranger.SignInAsync("walikota", "tebakan-" + i), StringComparison.Ordinal);
        }
        Assert.Contains("gagal=1", await stranger.SignInAsync("walikota", DemoUsers.Password), StringComparison.Ordinal);

        using var mayor = new AccountClient(_app, "203.0.113.20");
        Assert.Equal("/aduan", await mayor.SignInAsync("walikota", DemoUsers.Password, "/aduan"));
        Assert.Equal(HttpStatusCode.OK, await mayor.StatusAsync("/"));
    }

    [Fact]
    public async Task UnknownUser_WrongPassword_HeldAndAdminLockedAccounts_GetTheSameAnswer_AfterTheSameWork()
    {
        _ = _app.RootUri;
        var hasher = _app.Services.GetRequiredService<CountingHasher>();
        var admin = _app.Services.GetRequiredService<UserAdministration>();
        var users = await admin.ListAsync(default);
        Assert.True((await admin.SetLockedAsync("admin", users.Single(u => u.UserName == "operator").Id, locked: true, default)).Succeeded);
        Assert.True((await admin.SetDisabledAsync("admin", users.Single(u => u.UserName == "dishub").Id, disabled: true, default)).Succeeded);

        async Task<(string Location, string Page, int Hashes, TimeSpan Took)> TryAsync(string client, string user, string password)
        {
            using var http = new AccountClient(_app, client);
            var before = hasher.Verifications;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var location = await http.SignInAsync(user, password);
            watch.Stop();
            var hashes = hasher.Verifications - before;
            return (location, await http.Http.GetStringAsync(new Uri(location, UriKind.Relative)), hashes, watch.Elapsed);
        }

        var results = new Dictionary<string, List<(string Location, string Page, int Hashes, TimeSpan Took)>>();
        for (var round = 0; round < 3; round++)
        {
            // Each from its own address, so none is held by the others' failures.
            Add("unknown", await TryAsync($"192.0.2.{10 + round}", "tidak-ada-orang-ini", "apa saja"));
            Add("wrong password", await TryAsync($"192.0.2.{20 + round}", "walikota", "bukan kata sandinya"));
            Add("locked by an administrator", await TryAsync($"192.0.2.{30 + round}", "operator", DemoUsers.Password));
            Add("disabled", await TryAsync($"192.0.2.{40 + round}", "dishub", DemoUsers.Password));
        }

        var first = results["wrong password"][0];
        Assert.All(results.SelectMany(r => r.Value.Select(v => (r.Key, v))), r =>
        {
            Assert.Equal(first.Location, r.v.Location);
            Assert.Equal(WithoutEcho(first.Page.Replace(Token(first.Page), "", StringComparison.Ordinal)),
                WithoutEcho(r.v.Page.Replace(Token(r.v.Page), "", StringComparison.Ordinal)));
            Assert.True(r.v.Hashes == 1, $"{r.Key}: {r.v.Hashes} password hashes");
        });
        var fastest = results.ToDictionary(r => r.Key, r => r.Value.Min(v => v.Took));
        TestContext.Current.SendDiagnosticMessage("Fastest refusal: " + string.Join(", ", fastest.Select(f => $"{f.Key} {f.Value.TotalMilliseconds:F0} ms")));

        void Add(string kind, (string, string, int, TimeSpan) result)
        {
            if (!results.TryGetValue(kind, out var list))
            {
                results[kind] = list = [];
            }
            list.Add(result);
        }

        static string Token(string page) =>
            System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
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

    /// <summary>Identity's hasher, counting the password checks (a refusal must cost the same whatever its reason).</summary>
    private sealed class CountingHasher : IPasswordHasher<DashboardUser>
    {
        private readonly PasswordHasher<DashboardUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(DashboardUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(DashboardUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>
    /// The page without the user name it gives back to the form: every refusal echoes what was typed, known account or
    /// not, so the echo tells nothing; the rest of the page must be the same.
    /// </summary>
    private static string WithoutEcho(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "(name=\"username\"[^>]*?value=\")[^\"]*(\")", "$1$2");
}
