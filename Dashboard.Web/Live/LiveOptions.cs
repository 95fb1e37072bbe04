using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Live;

/// <summary>
/// Live delivery (<c>Live</c>). The Redis connection itself is <c>ConnectionStrings:Redis</c>: empty keeps every
/// notification in this process (one node); set, commits of any node reach the screens of every node.
/// </summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// How often a web node compares each source's snapshot version with what its screens show, to catch
    /// notifications it missed (Redis unreachable, or several nodes without Redis).
    /// </summary>
    [Range(1, 300, ErrorMessage = "Live:SnapshotCheckSeconds must be between 1 and 300.")]
    public int SnapshotCheckSeconds { get; set; } = 5;
}
