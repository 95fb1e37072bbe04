using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Auth;

/// <summary>
/// Plain server-rendered account pages (sign-in, password change, access denied): they must work before any
/// circuit exists and set or refresh the cookie, which a circuit cannot. No script; styles from <c>css/account.css</c>.
/// </summary>
internal static class AccountPages
{
    /// <summary>The sign-in form; after a refusal <paramref name="userName"/> is filled in again and the password has the focus.</summary>
    public static string SignIn(IStringLocalizer l, AntiforgeryTokenSet tokens, string? returnUrl, string? message, bool development, string? sso = null,
        string? userName = null)
    {
        var keep = string.IsNullOrEmpty(userName) ? "" : $" value=\"{Enc(userName)}\"";
        var (userFocus, passwordFocus) = keep.Length == 0 ? (" autofocus", "") : ("", " autofocus");
        var single = sso is null
            ? ""
            : $"<p class=\"links\"><a id=\"sign-in-sso\" href=\"{OidcExtensions.SignInPath}?ReturnUrl={Enc(Uri.EscapeDataString(returnUrl ?? "/"))}\">{Enc(l["accounts.signin.sso", sso])}</a></p>";
        var demo = development
            ? $"<p class=\"hint\" id=\"demo-hint\">{Enc(l["accounts.signin.demo", string.Join(", ", DemoUsers.All.Select(u => u.UserName)), DemoUsers.Password])}</p>"
            : "";
        return Layout(l, l["accounts.signin.title"], $"""
            <form method="post" action="{AccountEndpoints.SignInPath}">
              <h1>{Enc(l["app.title"])}</h1><p class="sub">{Enc(l["accounts.signin.subtitle"])}</p>
              {Error(message)}
              {Hidden(tokens)}
              <input type="hidden" name="ReturnUrl" value="{Enc(returnUrl ?? "/")}">
              <label for="username">{Enc(l["accounts.username"])}</label><input id="username" name="username" autocomplete="username" required{keep}{userFocus}>
              <label for="password">{Enc(l["accounts.password"])}</label><input id="password" name="password" type="password" autocomplete="current-password" required{passwordFocus}>
              <button type="submit" id="sign-in">{Enc(l["accounts.signin.submit"])}</button>
              {single}
              {demo}
            </form>
            """);
    }

    public static string ChangePassword(IStringLocalizer l, AntiforgeryTokenSet tokens, string userName, IReadOnlyList<string> errors, bool done, int minLength)
    {
        var status = done
            ? $"<p class=\"ok\" role=\"status\" id=\"password-changed\">{Enc(l["accounts.password.changed"])}</p>"
            : string.Concat(errors.Select(Error));
        return Layout(l, l["accounts.password.title"], $"""
            <form method="post" action="{AccountEndpoints.PasswordPath}">
              <h1>{Enc(l["accounts.password.title"])}</h1><p class="sub">{Enc(userName)}</p>
              {status}
              {Hidden(tokens)}
              <label for="current">{Enc(l["accounts.password.current"])}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
              <label for="new">{Enc(l["accounts.password.new"])}</label><input id="new" name="new" type="password" autocomplete="new-password" minlength="{minLength.ToString(CultureInfo.InvariantCulture)}" required>
              <p class="hint">{Enc(l["accounts.password.rule", minLength])}</p>
              <label for="confirm">{Enc(l["accounts.password.confirm"])}</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
              <button type="submit" id="change-password">{Enc(l["accounts.password.submit"])}</button>
              <p class="links"><a href="/">{Enc(l["accounts.back"])}</a></p>
            </form>
            """);
    }

    public static string Denied(IStringLocalizer l) => Layout(l, l["accounts.denied.title"], $"""
        <div class="box">
          <h1 id="denied">{Enc(l["accounts.denied.title"])}</h1>
          <p>{Enc(l["accounts.denied.text"])}</p>
          <p class="links"><a href="/">{Enc(l["accounts.back"])}</a> · <a href="{AccountEndpoints.SignInPath}">{Enc(l["accounts.denied.other"])}</a></p>
        </div>
        """);

    private static string Layout(IStringLocalizer l, string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Enc(title)} · {Enc(l["app.title"])}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/css/account.css">
        </head>
        <body>{body}</body></html>
        """;

    private static string Hidden(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{Enc(tokens.RequestToken)}\">";

    private static string Error(string? message) =>
        string.IsNullOrEmpty(message) ? "" : $"<p class=\"err\" role=\"alert\">{Enc(message)}</p>";

    private static string Enc(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Enc(LocalizedString text) => WebUtility.HtmlEncode(text.Value);
}
