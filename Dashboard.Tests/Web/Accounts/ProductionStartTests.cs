using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>Outside Development: no demo credentials, no users until <c>create-admin</c>.</summary>
public sealed class ProductionStartTests
{
    private const string RealKey = "k8Zq2vN4r7Xw1pLs9Tb3Hc6Jy0Md5Gf2";

    private static DashboardFactory Production(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings.TryAdd("Api:Keys:portal", RealKey);
        return new DashboardFactory(settings, b => b.UseEnvironment("Production"));
    }

    [Theory]
    [InlineData("Api:Keys:portal", "test-api-key-0123456789")]
    [InlineData("Api:Keys:portal", "Malang2026!")]
    [InlineData("Alerts:Email:Password", "changeme")]
    [InlineData("Alerts:Webhook:Secret", "<from environment>")]
    [InlineData("ConnectionStrings:Reporting", "Data Source=x.db;Password=Malang2026!")]
    public async Task DemoOrPlaceholderCredential_StopsStartup_NamingTheKey(string key, string value)
    {
        await using var app = Production(new() { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains(key + " holds a demo or placeholder credential", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortApiKey_StopsStartup_NamingTheKey()
    {
        await using var app = Production(new() { ["Api:Keys:portal"] = "pendek-sekali" });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Api:Keys:portal is shorter than 32 characters", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("changemechangemechangemechangemechangeme")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("01234567890123456789012345678901234567")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("kotamalang-kotamalang-kotamalang-2026")]
    public async Task LongButTrivialApiKey_StopsStartup_NamingTheKey(string key)
    {
        await using var app = Production(new() { ["Api:Keys:portal"] = key });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Api:Keys:portal is long but not random", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedKeys_AreNeverTakenForTrivial()
    {
        for (var i = 0; i < 2000; i++)
        {
            var hex = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var base64 = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
            Assert.False(CredentialGuard.IsTrivial(hex), hex);
            Assert.False(CredentialGuard.IsTrivial(base64), base64);
        }
        Assert.False(CredentialGuard.IsTrivial(RealKey));
    }

    [Fact]
    public async Task SameSettings_StartInDevelopment()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Alerts:Email:Password"] = "changeme" });

        app.StartServer();
    }

    [Fact]
    public async Task DatabaseWithADemoPassword_StopsStartup_NamingTheAccount()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dasbor-prod-{Guid.NewGuid():N}.db");
        try
        {
            await using (var development = new DashboardFactory(new Dictionary<string, string?> { ["ConnectionStrings:Reporting"] = $"Data Source={path}" }))
            {
                development.StartServer();
            }
            await using var production = Production(new() { ["ConnectionStrings:Reporting"] = $"Data Source={path}" });

            var error = Assert.ThrowsAny<Exception>(() => production.StartServer());

            Assert.Contains("Account 'admin' still has the documented demo password", Flatten(error), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task NoUserExists_UntilCreateAdmin_ThenTheAdministratorSignsIn()
    {
        await using var app = Production();
        using var client = new AccountClient(app);
        Assert.Empty(await app.Services.GetRequiredService<UserAdministration>().ListAsync(default));
        Assert.Contains("gagal=1", await client.SignInAsync("admin", DemoUsers.Password), StringComparison.Ordinal);
        Assert.DoesNotContain("Malang2026!", await client.Http.GetStringAsync(new Uri("masuk", UriKind.Relative)), StringComparison.Ordinal);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var tooShort = await CreateAdminCommand.RunAsync(app.Services, ["create-admin", "--user", "Sekda"], new StringReader("pendek\n"), output, error);
        Assert.Equal(1, tooShort);
        Assert.Contains("not created", error.ToString(), StringComparison.Ordinal);

        var code = await CreateAdminCommand.RunAsync(app.Services, ["create-admin", "--user", "Sekda", "--name", "Sekretaris Daerah"],
            new StringReader("sebuah kalimat sandi panjang\n"), output, error);

        Assert.Equal(0, code);
        Assert.Contains("Administrator 'sekda' created.", output.ToString(), StringComparison.Ordinal);
        var user = Assert.Single(await app.Services.GetRequiredService<UserAdministration>().ListAsync(default));
        Assert.Equal(["Admin"], user.Roles);
        Assert.Equal("/", await client.SignInAsync("sekda", "sebuah kalimat sandi panjang"));
        await using var db = await app.Db.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.create" && a.User == "create-admin" && a.Target == "user:sekda"));
    }

    [Fact]
    public async Task CreateAdmin_WithoutUser_PrintsUsage()
    {
        await using var app = Production();
        _ = app.RootUri;
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await CreateAdminCommand.RunAsync(app.Services, ["create-admin"], new StringReader(""), output, error));
        Assert.Contains("Usage: create-admin --user NAME", error.ToString(), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error switch
    {
        OptionsValidationException o => string.Join(" | ", o.Failures),
        AggregateException a => string.Join(" | ", a.InnerExceptions.Select(Flatten)),
        _ => error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : ""),
    };
}
