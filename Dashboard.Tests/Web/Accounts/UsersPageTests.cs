using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Accounts;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// The administrators' user page against the app's real Identity store (demo users of Development). The tests share
/// one app: the demo accounts are only read, and every account a test changes is one it creates itself.
/// </summary>
public sealed class UsersPageTests : WebTestContext, IClassFixture<UsersPageTests.App>
{
    private readonly DashboardFactory _app;

    /// <summary>The app the tests share.</summary>
    public sealed class App : IAsyncDisposable
    {
        public DashboardFactory Factory { get; } = new();

        public App() => _ = Factory.RootUri;

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    public UsersPageTests(App shared)
    {
        _app = shared.Factory;
        Services.AddSingleton(_app.Services.GetRequiredService<UserAdministration>());
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<AuthOptions>>());
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Administer);
        UseInteractiveServerRenderer();
    }

    /// <summary>An account of this test's own.</summary>
    private async Task NewAccountAsync(string userName, string role)
    {
        var created = await _app.Services.GetRequiredService<UserAdministration>().CreateAsync(
            "admin", userName, userName, "kalimat sandi awal yang panjang", [role], [], default);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task ListsTheUsers_WithRolesOpdsAndState()
    {
        var users = await _app.Services.GetRequiredService<UserAdministration>().ListAsync(default);
        var cut = Render<UsersPage>();

        // A row for every account of the store (other tests of the class add their own), the demo's among them.
        cut.WaitForAssertion(() => Assert.Equal(users.Count, cut.FindAll("[data-testid=users] tbody tr").Count));
        Assert.All(DemoUsers.All, u => Assert.NotNull(cut.Find($"[data-testid=user-{u.UserName}]")));
        var dishub = cut.Find("[data-testid=user-dishub]").TextContent;
        Assert.Contains("Kepala OPD", dishub, StringComparison.Ordinal);
        Assert.Contains("DISHUB", dishub, StringComparison.Ordinal);
        Assert.Contains("Aktif", dishub, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatesAKepalaOpd_BoundToTwoOpds_Audited()
    {
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=users]");
        cut.Find("[data-testid=user-new] ").Click();
        cut.Find("input[data-testid=user-username]").Change("kadinkes");
        cut.Find("input[data-testid=user-displayname]").Change("Kepala Dinkes");
        cut.Find("input[data-testid=user-password]").Change("kalimat sandi awal yang panjang");
        cut.Find("input[data-testid=role-KepalaOpd]").Change(true);

        cut.Find("[data-testid=user-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Kepala OPD harus terikat pada sedikitnya satu OPD.", cut.Find("[data-testid=user-error]").TextContent, StringComparison.Ordinal));

        cut.Find("input[data-testid=opd-DINKES]").Change(true);
        cut.Find("input[data-testid=opd-DISPENDUKCAPIL]").Change(true);
        cut.Find("[data-testid=user-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("DINKES, DISPENDUKCAPIL", cut.Find("[data-testid=user-kadinkes]").TextContent, StringComparison.Ordinal));
        await using var db = await _app.Db.CreateDbContextAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "user.create" && a.Target == "user:kadinkes");
        Assert.Equal("admin", audit.User);
        Assert.Equal("KepalaOpd [DINKES, DISPENDUKCAPIL]", audit.After);
    }

    [Fact]
    public async Task ChangesRoles_LocksAndDisables_EachAudited()
    {
        await NewAccountAsync("operator-diubah", Roles.Operator);
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=user-operator-diubah]");

        cut.Find("[data-testid=user-operator-diubah] [data-testid=user-edit]").Click();
        cut.Find("input[data-testid=role-Pimpinan]").Change(true);
        cut.Find("[data-testid=user-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Operator, Pimpinan", cut.Find("[data-testid=user-operator-diubah]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=user-operator-diubah] [data-testid=user-lock]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Terkunci", cut.Find("[data-testid=user-operator-diubah] [data-testid=user-state]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=user-operator-diubah] [data-testid=user-disable]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Nonaktif", cut.Find("[data-testid=user-operator-diubah] [data-testid=user-state]").TextContent, StringComparison.Ordinal));

        await using var db = await _app.Db.CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(a => a.Target == "user:operator-diubah" && a.Action != "user.create").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["user.roles", "user.lock", "user.disable"], actions);
        var roles = await db.AuditEntries.SingleAsync(a => a.Action == "user.roles" && a.Target == "user:operator-diubah");
        Assert.Equal(("Operator", "Operator, Pimpinan"), (roles.Before, roles.After));
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeDisabled()
    {
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=user-admin]");

        cut.Find("[data-testid=user-admin] [data-testid=user-disable]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Aktif", cut.Find("[data-testid=user-admin] [data-testid=user-state]").TextContent, StringComparison.Ordinal));
        var admin = (await _app.Services.GetRequiredService<UserAdministration>().ListAsync(default)).Single(u => u.UserName == "admin");
        Assert.False(admin.IsDisabled);
    }

    [Fact]
    public async Task ResetsAPassword_ThePolicyApplies()
    {
        await NewAccountAsync("pimpinan-disetel", Roles.Pimpinan);
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=user-pimpinan-disetel]");
        cut.Find("[data-testid=user-pimpinan-disetel] [data-testid=user-reset]").Click();
        cut.Find("input[data-testid=reset-password]").Change("pendek");
        cut.Find("[data-testid=reset-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Kata sandi terlalu pendek.", cut.Find("[data-testid=user-error]").TextContent, StringComparison.Ordinal));

        cut.Find("input[data-testid=reset-password]").Change("kalimat sandi pengganti");
        cut.Find("[data-testid=reset-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=reset-form]")));
        using var client = new AccountClient(_app, "198.51.100.77");
        Assert.Equal("/", await client.SignInAsync("pimpinan-disetel", "kalimat sandi pengganti"));
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.password.reset" && a.Target == "user:pimpinan-disetel" && a.User == "admin"));
    }
}
