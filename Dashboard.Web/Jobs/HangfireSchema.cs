using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Dashboard.Web.Jobs;

/// <summary>Hangfire's tables on a shared database server, installed once by the <c>migrate</c> command (not by each node).</summary>
public static class HangfireSchema
{
    /// <summary><c>ConnectionStrings:Hangfire</c>, by default the reporting database's.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Hangfire") ?? configuration.GetConnectionString("Reporting");

    /// <summary>Installs or upgrades the schema for <c>Hangfire:Storage</c>; returns what it did, or null when the storage has none.</summary>
    public static async Task<string?> InstallAsync(IConfiguration configuration, CancellationToken ct)
    {
        var storage = JobsOptions.ReadStorage(configuration);
        var connectionString = ConnectionString(configuration);
        switch (storage)
        {
            case JobStorageMode.PostgreSql:
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(ct);
                    PostgreSqlObjectsInstaller.Install(connection);
                }
                return "Hangfire schema installed (PostgreSql).";
            case JobStorageMode.SqlServer:
                await using (var connection = new SqlConnection(connectionString))
                {
                    await connection.OpenAsync(ct);
                    SqlServerObjectsInstaller.Install(connection);
                }
                return "Hangfire schema installed (SqlServer).";
            default:
                return null;
        }
    }
}
