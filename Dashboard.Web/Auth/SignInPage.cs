using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace Dashboard.Web.Auth;

/// <summary>A plain server-rendered sign-in form: it must work before any circuit exists.</summary>
internal static class SignInPage
{
    public static string Render(AntiforgeryTokenSet tokens, string? returnUrl, bool failed, bool development)
    {
        var error = failed ? "<p class=\"err\" role=\"alert\">Nama pengguna atau kata sandi salah.</p>" : "";
        var demo = development
            ? $"<p class=\"hint\">Mode pengembangan: pengguna contoh <b>admin</b>, <b>walikota</b>, <b>dishub</b>, <b>operator</b>; kata sandi <b>{WebUtility.HtmlEncode(DemoUsers.Password)}</b>.</p>"
            : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Masuk · Dasbor Wali Kota Malang</title><link rel="icon" href="data:,">
            <style>
              body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#0f2a44;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
              form{background:#fff;padding:2rem 2.2rem;border-radius:10px;width:340px;box-shadow:0 10px 30px rgba(0,0,0,.3)}
              h1{font-size:1.25rem;margin:0 0 .2rem;color:#0f2a44} .sub{color:#666;margin:0 0 1.2rem;font-size:.9rem}
              label{display:block;font-size:.85rem;color:#333;margin:.8rem 0 .3rem} input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #bbb;border-radius:6px;font-size:1rem}
              button{margin-top:1.2rem;width:100%;padding:.7rem;background:#1565c0;color:#fff;border:0;border-radius:6px;font-size:1rem;cursor:pointer}
              .err{color:#b71c1c;font-size:.9rem} .hint{color:#555;font-size:.8rem;margin-top:1rem;line-height:1.4}
            </style></head>
            <body><form method="post" action="/masuk">
              <h1>Dasbor Wali Kota Malang</h1><p class="sub">Pusat kendali Ngalam Command Center</p>
              {{error}}
              <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
              <input type="hidden" name="ReturnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
              <label for="username">Nama pengguna</label><input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">Kata sandi</label><input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit" id="sign-in">Masuk</button>
              {{demo}}
            </form></body></html>
            """;
    }
}
