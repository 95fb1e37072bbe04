namespace Dashboard.Web.Auth;

/// <summary>
/// Accounts for trying the product out, seeded by <see cref="Identity.IdentitySetup"/> only in the Development
/// environment; their password is documented in README.md. Outside Development the app refuses to start while one
/// of them still has this password (<see cref="Identity.IdentitySetup"/>).
/// </summary>
public static class DemoUsers
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
}
