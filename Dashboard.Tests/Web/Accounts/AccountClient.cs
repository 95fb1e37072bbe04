using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>A cookie-keeping HTTP client on the app's real port that fills the plain account forms (with their antiforgery token).</summary>
internal sealed partial class AccountClient : IDisposable
{
    /// <param name="forwardedFor">The client address a proxy on loopback reports (X-Forwarded-For), or none.</param>
    public AccountClient(DashboardFactory app, string? forwardedFor = null)
    {
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = app.RootUri };
        if (forwardedFor is not null)
        {
            Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>Posts the sign-in form; returns where it redirects (the return URL, or back to /masuk with the reason).</summary>
    public async Task<string> SignInAsync(string user, string password, string returnUrl = "/")
    {
        var response = await PostFormAsync("masuk?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "masuk", new()
        {
            ["username"] = user,
            ["password"] = password,
            ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>GETs <paramref name="formPage"/>, takes its antiforgery token, and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var form = await Http.GetStringAsync(new Uri(formPage, UriKind.Relative));
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var body = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), body);
    }

    public async Task<HttpStatusCode> StatusAsync(string path) => (await Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
