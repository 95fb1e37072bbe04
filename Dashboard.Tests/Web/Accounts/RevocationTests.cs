using System.Security.Claims;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>A revoked user, role or account loses an open circuit at the next re-check (Auth:RevalidateSeconds), not at the next sign-in.</summary>
public sealed partial class RevocationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly DashboardFactory _app = new(new Dictionary<string, string?> { ["Auth:RevalidateSeconds"] = "5" });
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("lock")]
    [InlineData("role")]
    public async Task StateProvider_ReportsSignedOut_AfterTheChange_WithinTheInterval(string change)
    {
        _ = _app.RootUri;
        var checks = new ObservedScopes(_app.Services.GetRequiredService<IServiceScopeFactory>());
        var provider = await CircuitProviderAsync("operator", checks);
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async s => signedOut.TrySetResult((await s).User);
        // Each re-check opens one scope and closes it before the provider acts on its answer: once the first has
        // closed, the re-check found the unchanged user valid (a refusal signs out right after, which the user check
        // below would also catch).
        await checks.FirstClosed.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.False(signedOut.Task.IsCompleted, "an unchanged user keeps the circuit past a re-check");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var state = await provider.GetAuthenticationStateAsync();
            Assert.True(await RevalidatingIdentityStateProvider.IsStillValidAsync(
                users, state.User, _app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value));
        }

        var admin = _app.Services.GetRequiredService<UserAdministration>();
        var id = (await admin.ListAsync(default)).Single(u => u.UserName == "operator").Id;
        var started = TimeProvider.System.GetTimestamp();
        var result = change switch
        {
            "disable" => await admin.SetDisabledAsync("admin", id, true, default),
            "lock" => await admin.SetLockedAsync("admin", id, true, default),
            _ => await admin.SetRolesAsync("admin", id, [Roles.Pimpinan], [], default),
        };
        Assert.True(result.Succeeded);

        var user = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.False(user.Identity?.IsAuthenticated);
        // Within the interval, plus two seconds for the re-check itself.
        var within = TimeSpan.FromSeconds(CircuitRevalidateSeconds + 2);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < within, $"took {TimeProvider.System.GetElapsedTime(started)}");
        ((IDisposable)provider).Dispose();
    }

    [Fact]
    public async Task OpenConsole_OfADisabledOperator_LeavesForTheSignInPage_WithoutReload()
    {
        BrowserFixture.RequireChromium();
        _session = await browser.OpenSessionAsync(_app.RootUri);
        await _session.SignInAsync("/operasi", "operator");
        await Expect(_session.Page.Locator("[data-testid=ops-sources]")).ToBeVisibleAsync();

        var admin = _app.Services.GetRequiredService<UserAdministration>();
        var id = (await admin.ListAsync(default)).Single(u => u.UserName == "operator").Id;
        Assert.True((await admin.SetDisabledAsync("admin", id, true, default)).Succeeded);

        await Expect(_session.Page).ToHaveURLAsync(SignInPage(), new() { Timeout = 15_000 });
        await _session.Page.GotoAsync("/operasi");
        await Expect(_session.Page).ToHaveURLAsync(SignInPage());
    }

    /// <summary>
    /// The re-check interval of the providers built here. The setting's floor (5 s) is for a running app; the provider's
    /// logic is the same at 1 s, and each case then waits two intervals of 1 s instead of 5 s.
    /// </summary>
    private const int CircuitRevalidateSeconds = 1;

    /// <summary>A provider as a circuit of <paramref name="userName"/> gets it: the principal the sign-in cookie carries.</summary>
    private async Task<RevalidatingIdentityStateProvider> CircuitProviderAsync(string userName, IServiceScopeFactory scopes)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>();
        var principal = await factory.CreateAsync((await users.FindByNameAsync(userName))!);
        var identity = new ClaimsIdentity(principal.Claims, IdentityConstants.ApplicationScheme);
        var provider = new RevalidatingIdentityStateProvider(
            _app.Services.GetRequiredService<ILoggerFactory>(), scopes,
            Options.Create(new AuthOptions { RevalidateSeconds = CircuitRevalidateSeconds }), _app.Services.GetRequiredService<IOptions<IdentityOptions>>());
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        return provider;
    }

    /// <summary>The app's scopes, with a signal when the first one (the provider's first re-check) is disposed.</summary>
    private sealed class ObservedScopes(IServiceScopeFactory inner) : IServiceScopeFactory
    {
        private readonly TaskCompletionSource _firstClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstClosed => _firstClosed.Task;

        public IServiceScope CreateScope() => new Observed(inner.CreateScope(), _firstClosed);

        private sealed class Observed(IServiceScope scope, TaskCompletionSource closed) : IServiceScope, IAsyncDisposable
        {
            public IServiceProvider ServiceProvider => scope.ServiceProvider;

            public void Dispose()
            {
                scope.Dispose();
                closed.TrySetResult();
            }

            public async ValueTask DisposeAsync()
            {
                if (scope is IAsyncDisposable async)
                {
                    await async.DisposeAsync();
                }
                else
                {
                    scope.Dispose();
                }
                closed.TrySetResult();
            }
        }
    }

    [GeneratedRegex("/masuk\\?ReturnUrl=")]
    private static partial Regex SignInPage();
}
