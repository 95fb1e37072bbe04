using System.Net;
using System.Security.Claims;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>Optional OpenID Connect sign-in: groups → roles, the challenge, validation of its settings.</summary>
public sealed class OidcTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Auth:Oidc:Authority"] = "https://sso.malangkota.test/realms/pemkot",
        ["Auth:Oidc:ClientId"] = "dasbor",
        ["Auth:Oidc:Groups:dasbor-admin"] = "Admin",
        ["Auth:Oidc:Groups:pimpinan"] = "Pimpinan",
        ["Auth:Oidc:Groups:kepala-bapenda"] = "KepalaOpd:BAPENDA",
    };

    [Fact]
    public void Groups_MapToRolesAndOpds_UnknownGroupsGiveNothing()
    {
        var options = new OidcOptions
        {
            Groups = new(StringComparer.OrdinalIgnoreCase) { ["pimpinan"] = "Pimpinan", ["kepala-bapenda"] = "KepalaOpd:BAPENDA", ["kepala-dinsos"] = "KepalaOpd:DINSOS" },
        };

        var claims = options.ClaimsFor(["Kepala-Bapenda", "kepala-dinsos", "semua-pegawai"]).Select(c => (c.Type, c.Value)).ToList();

        Assert.Equal([(ClaimTypes.Role, "KepalaOpd"), (AuthExtensions.OpdClaim, "BAPENDA"), (AuthExtensions.OpdClaim, "DINSOS")], claims);
        Assert.Empty(options.ClaimsFor(["semua-pegawai"]));
    }

    [Fact]
    public async Task SignInPage_OffersSso_AndTheChallengeGoesToTheProvider_WithPkce()
    {
        await using var app = new DashboardFactory(Settings, b => b.ConfigureServices(s =>
            s.PostConfigure<OpenIdConnectOptions>(OidcOptions.Scheme, o =>
            {
                // No provider on this machine: its discovery document, as the provider would serve it.
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = "https://sso.malangkota.test/realms/pemkot",
                    AuthorizationEndpoint = "https://sso.malangkota.test/realms/pemkot/protocol/openid-connect/auth",
                };
                o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            })));
        using var client = new AccountClient(app);

        var page = await client.Http.GetStringAsync(new Uri("masuk?ReturnUrl=%2Fpendapatan", UriKind.Relative));
        Assert.Contains("id=\"sign-in-sso\" href=\"/masuk/sso?ReturnUrl=%2Fpendapatan\"", page, StringComparison.Ordinal);

        var challenge = await client.Http.GetAsync(new Uri("masuk/sso?ReturnUrl=%2Fpendapatan", UriKind.Relative));

        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"{(int)challenge.StatusCode} {(await challenge.Content.ReadAsStringAsync())[..Math.Min(600, (int)(challenge.Content.Headers.ContentLength ?? 600))]}");
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith("https://sso.malangkota.test/realms/pemkot/protocol/openid-connect/auth?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=dasbor", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(new Uri(app.RootUri, "masuk/sso/callback").ToString()), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAuthority_ThereIsNoSsoButton()
    {
        await using var app = new DashboardFactory();
        using var client = new AccountClient(app);

        Assert.DoesNotContain("sign-in-sso", await client.Http.GetStringAsync(new Uri("masuk", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await client.StatusAsync("masuk/sso"));
    }

    [Theory]
    [InlineData("Auth:Oidc:Groups:kepala-x", "KepalaOpd:TIDAKADA", "Auth:Oidc:Groups:kepala-x")]
    [InlineData("Auth:Oidc:Groups:semua", "Superuser", "Auth:Oidc:Groups:semua")]
    [InlineData("Auth:Oidc:ClientId", "", "Auth:Oidc:ClientId is required")]
    public async Task BadSsoSetting_StopsStartup_NamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(Settings) { [key] = value };
        await using var app = new DashboardFactory(settings);

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains(named, error is OptionsValidationException o ? string.Join(" | ", o.Failures) : error.ToString(), StringComparison.Ordinal);
    }
}
