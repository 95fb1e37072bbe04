using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Auth;

/// <summary>
/// Users for trying the product out. They exist only in the Development environment; their password is
/// documented in README.md. Real accounts (ASP.NET Core Identity / OpenID Connect) replace this.
/// </summary>
public sealed class DemoUsers
{
    public const string Password = "Malang2026!";

    public sealed record DemoUser(string UserName, string DisplayName, string Role, string? Opd);

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin", "Admin Diskominfo", Roles.Admin, null),
        new("walikota", "Wali Kota (Pimpinan)", Roles.Pimpinan, null),
        new("dishub", "Kepala Dishub", Roles.KepalaOpd, "DISHUB"),
        new("operator", "Operator Diskominfo", Roles.Operator, null),
    ];

    public DemoUser? Verify(string? userName, string? password)
    {
        var user = All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        var ok = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(password ?? ""), Encoding.UTF8.GetBytes(Password));
        return user is not null && ok ? user : null;
    }
}
