using System.ComponentModel.DataAnnotations;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Web.Jobs;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>
/// What this process does (<c>Node</c>): <c>Both</c> (the default: one server does everything), <c>Web</c> (pages, wall
/// screens, the hub and the API; jobs are only queued) or <c>Ingest</c> (Hangfire's server runs the source pulls and the
/// alert evaluation; no pages). Several web and ingest nodes share one database server (docs/DEPLOYMENT.md).
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    [EnumDataType(typeof(NodeRole), ErrorMessage = "Node:Role must be 'Both', 'Web' or 'Ingest'.")]
    public NodeRole Role { get; set; } = NodeRole.Both;

    /// <summary>Serves pages, wall screens, the hub and the API.</summary>
    public bool ServesScreens => Role != NodeRole.Ingest;

    /// <summary>Runs the source pulls (Hangfire server), start-up recovery and alert evaluation.</summary>
    public bool RunsJobs => Role != NodeRole.Web;

    /// <summary>Reads <c>Node:Role</c> where registration depends on it (an unknown value stops start-up naming the key).</summary>
    public static NodeOptions Read(IConfiguration configuration) =>
        new() { Role = ConfigurationModes.Read(configuration, $"{Section}:Role", NodeRole.Both) };
}

/// <summary>What a node does (<c>Node:Role</c>, case-insensitive in configuration).</summary>
public enum NodeRole
{
    Both,
    Web,
    Ingest,
}

/// <summary>A split role needs what the nodes share: a database server and Hangfire storage on it.</summary>
internal sealed class NodeOptionsValidator(IOptions<DatabaseOptions> database, IOptions<JobsOptions> jobs) : IValidateOptions<NodeOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        if (options.Role == NodeRole.Both)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (database.Value.Provider is not (DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql))
        {
            failures.Add($"Node:Role={options.Role} needs a database server the nodes share: Database:Provider must be 'SqlServer' or 'PostgreSql' (is '{database.Value.Provider}').");
        }
        if (jobs.Value.Storage is not (JobStorageMode.SqlServer or JobStorageMode.PostgreSql))
        {
            failures.Add($"Node:Role={options.Role} needs job storage the nodes share: Hangfire:Storage must be 'SqlServer' or 'PostgreSql' (is '{jobs.Value.Storage}').");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
