using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// A source system as a host registers it: its name and what it adds (validated options, client, job, feeds, indicator
/// computation). Declared once in the source's folder (<c>Sources/Complaints/ComplaintsExtensions.Module</c>) and listed
/// with its domain in the web host's registry, so a new source is registered by that one line.
/// </summary>
public sealed record SourceModule(string Source, Action<IServiceCollection> Register);
