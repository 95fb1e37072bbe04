using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>SP4N-LAPOR!/SAMBAT (<c>Sources:Complaints</c>).</summary>
public sealed class ComplaintsOptions : SourceOptions
{
    public const string Section = "Sources:Complaints";
}
