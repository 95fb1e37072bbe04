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
/// The tests share one app: each signs in from addresses of its own (X-Forwarded-For from loopback, which the app
/// trusts), so each starts with full per-address budgets as on a fresh app, and every account a test locks, disables,
/// guesses at or changes the password of is one it creates itself; the demo accounts are only signed in to.
/// </summary>
public sealed class SignInTests(SignInTests.App shared) : IClassFixture<SignInTests.App>, IAsyncLifetime
{
    /// <summary>The password of the accounts the tests create (the policy wants one longer than the demo's).</summary>
    private const string Password = "kalimat sandi uji yang panjang";

    private static int _addresses;

    private DashboardFactory _app = null!;

    /// <summary>The app the tests share: a short lock-out, and Identity's hasher counting its checks.</summary>
    public sealed class App : LazyDashboardFixture
    {
        protected override Task<DashboardFactory> CreateAsync()
        {
            var app = new DashboardFactory(
                new Dictionary<string, string?> { ["Auth:LockoutAttempts"] = "3", ["Auth:LockoutMinutes"] = "7", ["Hardening:SignInPerMinute"] = "100" },
                b => b.ConfigureServices(s =>
                {
                    s.AddSingleton<CountingHasher>();
                    s.AddSingleton<IPasswordHasher<DashboardUser>>(p => p.GetRequiredService<CountingHasher>());
                }));
            _ = app.RootUri;
            return Task.FromResult(app);
        }
    }

    public async ValueTask InitializeAsync() => _app = await shared.StartAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A client address no other test of this class uses (TEST-NET-2).</summary>
    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"198.51.100.{n % 250 + 1}";
    }

    /// <summary>A client from an address of its own.</summary>
    private AccountClient NewClient() => new(_app, NewAddress());

    /// <summary>An account of this test's own, with <see cref="Password"/>.</summary>
    private async Task<string> NewAccountAsync(string userName, string role, params string[] opds)
    {
        var created = await _app.Services.GetRequiredService<UserAdministration>().CreateAsync(
            "admin", userName, userName, Password, [role], opds, default);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return userName;
    }

    [Fact]
    public async Task DemoUser_SignsIn_AndReachesTheOverview_SignOutEndsIt()
    {
        using var client = NewClient();
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
        using var client = NewClient();

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
        var user = await NewAccountAsync("operator-ditebak", Roles.Operator);
        using var guesser = NewClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("gagal=1", await guesser.SignInAsync(user, "bukan-ini"), StringComparison.Ordinal);
        }

        var held = await guesser.SignInAsync(user, Password);
        Assert.Equal(await guesser.SignInAsync(user, "bukan-ini"), held);
        var page = await guesser.Http.GetStringAsync(new Uri(held, UriKind.Relative));
        Assert.Contains("Nama pengguna atau kata sandi salah.", page, StringComparison.Ordinal);
        Assert.Contains("7 menit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("terkunci", page, StringComparison.Ordinal);

        // The owner, from their own address, is not locked out by someone else's guesses.
        using var owner = NewClient();
        Assert.Equal("/", await owner.SignInAsync(user, Password));
    }

    [Fact]
    public async Task AStranger_CannotLockTheMayorOut_FromManyGuesses()
    {
        var mayorName = await NewAccountAsync("pimpinan-ditebak", Roles.Pimpinan);
        using var stranger = NewClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains("gagal=1", await stranger.SignInAsync(mayorName, "tebakan-" + i), StringComparison.Ordinal);
        }
        Assert.Contains("gagal=1", await stranger.SignInAsync(mayorName, Password), StringComparison.Ordinal);

        using var mayor = NewClient();
        Assert.Equal("/aduan", await mayor.SignInAsync(mayorName, Password, "/aduan"));
        Assert.Equal(HttpStatusCode.OK, await mayor.StatusAsync("/"));
    }

    [Fact]
    public async Task UnknownUser_WrongPassword_HeldAndAdminLockedAccounts_GetTheSameAnswer_AfterTheSameWork()
    {
        _ = _app.RootUri;
        var hasher = _app.Services.GetRequiredService<CountingHasher>();
        var admin = _app.Services.GetRequiredService<UserAdministration>();
        var lockedName = await NewAccountAsync("operator-dikunci", Roles.Operator);
        var disabledName = await NewAccountAsync("kepala-nonaktif", Roles.KepalaOpd, "DISHUB");
        var guessedName = await NewAccountAsync("pimpinan-salah-sandi", Roles.Pimpinan);
        var users = await admin.ListAsync(default);
        Assert.True((await admin.SetLockedAsync("admin", users.Single(u => u.UserName == lockedName).Id, locked: true, default)).Succeeded);
        Assert.True((await admin.SetDisabledAsync("admin", users.Single(u => u.UserName == disabledName).Id, disabled: true, default)).Succeeded);

        async Task<(string Location, string Page, int Hashes, TimeSpan Took)> TryAsync(string user, string password)
        {
            using var http = NewClient();
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
            Add("unknown", await TryAsync("tidak-ada-orang-ini", "apa saja"));
            Add("wrong password", await TryAsync(guessedName, "bukan kata sandinya"));
            Add("locked by an administrator", await TryAsync(lockedName, Password));
            Add("disabled", await TryAsync(disabledName, Password));
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
        var user = await NewAccountAsync("kepala-dimatikan", Roles.KepalaOpd, "DISHUB");
        using (var before = NewClient())
        {
            Assert.Equal("/opd/DISHUB", await before.SignInAsync(user, Password));
        }
        var id = (await admin.ListAsync(default)).Single(u => u.UserName == user).Id;
        Assert.True((await admin.SetDisabledAsync("admin", id, disabled: true, default)).Succeeded);
        using var client = NewClient();

        Assert.Contains("gagal=1", await client.SignInAsync(user, Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChange_NeedsTheCurrentPassword_KeepsTheSession_AndTheNewOneSignsIn()
    {
        var user = await NewAccountAsync("pimpinan-ganti-sandi", Roles.Pimpinan);
        using var client = NewClient();
        await client.SignInAsync(user, Password);

        var wrong = await client.PostFormAsync("akun/kata-sandi", "akun/kata-sandi",
            new() { ["current"] = "bukan", ["new"] = "kalimat sandi baru yang panjang", ["confirm"] = "kalimat sandi baru yang panjang" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kata sandi sekarang salah.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tooShort = await client.PostFormAsync("akun/kata-sandi", "akun/kata-sandi",
            new() { ["current"] = Password, ["new"] = "pendek", ["confirm"] = "pendek" });
        Assert.Contains("Kata sandi terlalu pendek.", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await client.PostFormAsync("akun/kata-sandi", "akun/kata-sandi",
            new() { ["current"] = Password, ["new"] = "kalimat sandi baru yang panjang", ["confirm"] = "kalimat sandi baru yang panjang" });
        Assert.Equal("/akun/kata-sandi?ok=1", ok.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/"));

        using var again = NewClient();
        Assert.Contains("gagal=1", await again.SignInAsync(user, Password), StringComparison.Ordinal);
        Assert.Equal("/", await again.SignInAsync(user, "kalimat sandi baru yang panjang"));
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.password.change" && a.User == user));
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
