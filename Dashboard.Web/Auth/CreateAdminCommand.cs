using Dashboard.Ingest.Reporting;
using Dashboard.Web.Auth.Identity;

namespace Dashboard.Web.Auth;

/// <summary>
/// <c>create-admin --user NAME [--name "Display name"]</c>: the only way to the first account outside Development.
/// Applies the database migrations (as <c>migrate</c> does), then creates an enabled administrator. The password is
/// read from the environment variable <see cref="PasswordVariable"/>, or else from the first line of standard input,
/// never from the command line (it would show in the process list and the shell history).
/// </summary>
internal static class CreateAdminCommand
{
    public const string PasswordVariable = "DASBOR_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var user = Option(args, "--user");
        if (string.IsNullOrWhiteSpace(user))
        {
            await error.WriteLineAsync("Usage: create-admin --user NAME [--name \"Display name\"]; password from $" + PasswordVariable + " or standard input.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for '{user}' (or set {PasswordVariable}):");
            password = await input.ReadLineAsync();
        }
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password given.");
            return 2;
        }
        await services.GetRequiredService<ReportingMigrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<IdentitySetup>().MigrateAsync(CancellationToken.None);
        var result = await services.GetRequiredService<UserAdministration>().CreateAsync(
            "create-admin", user, Option(args, "--name") ?? user, password, [Roles.Admin], [], CancellationToken.None);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"Administrator '{user}' not created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            return 1;
        }
        await output.WriteLineAsync($"Administrator '{user.Trim().ToLowerInvariant()}' created.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
