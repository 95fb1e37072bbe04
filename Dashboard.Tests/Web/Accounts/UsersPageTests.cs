using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Accounts;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>The administrators' user page against the app's real Identity store (demo users of Development).</summary>
public sealed class UsersPageTests : WebTestContext
{
    private readonly DashboardFactory _app = new();

    public UsersPageTests()
    {
        _ = _app.RootUri;
        Services.AddSingleton(_app.Services.GetRequiredService<UserAdministration>());
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<AuthOptions>>());
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Administer);
        UseInteractiveServerRenderer();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ListsTheUsers_WithRolesOpdsAndState()
    {
        var cut = Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=users] tbody tr").Count));
        var dishub = cut.Find("[data-testid=user-dishub]").TextContent;
        Assert.Contains("Kepala OPD", dishub, StringComparison.Ordinal);
        Assert.Contains("DISHUB", dishub, StringComparison.Ordinal);
        Assert.Contains("Aktif", dishub, StringComparison.Ordinal);
        await Task.CompletedTask;
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
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=user-operator]");

        cut.Find("[data-testid=user-operator] [data-testid=user-edit]").Click();
        cut.Find("input[data-testid=role-Pimpinan]").Change(true);
        cut.Find("[data-testid=user-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Operator, Pimpinan", cut.Find("[data-testid=user-operator]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=user-operator] [data-testid=user-lock]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Terkunci", cut.Find("[data-testid=user-operator] [data-testid=user-state]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=user-operator] [data-testid=user-disable]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Nonaktif", cut.Find("[data-testid=user-operator] [data-testid=user-state]").TextContent, StringComparison.Ordinal));

        await using var db = await _app.Db.CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(a => a.Target == "user:operator").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["user.roles", "user.lock", "user.disable"], actions);
        var roles = await db.AuditEntries.SingleAsync(a => a.Action == "user.roles");
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
        var cut = Render<UsersPage>();
        cut.WaitForElement("[data-testid=user-walikota]");
        cut.Find("[data-testid=user-walikota] [data-testid=user-reset]").Click();
        cut.Find("input[data-testid=reset-password]").Change("pendek");
        cut.Find("[data-testid=reset-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Kata sandi terlalu pendek.", cut.Find("[data-testid=user-error]").TextContent, StringComparison.Ordinal));

        cut.Find("input[data-testid=reset-password]").Change("kalimat sandi pengganti");
        cut.Find("[data-testid=reset-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=reset-form]")));
        using var client = new AccountClient(_app);
        Assert.Equal("/", await client.SignInAsync("walikota", "kalimat sandi pengganti"));
        await using var db = await _app.Db.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.password.reset" && a.Target == "user:walikota" && a.User == "admin"));
    }
}
