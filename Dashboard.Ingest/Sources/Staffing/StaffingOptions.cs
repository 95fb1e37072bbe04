using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>SIMPEG, presensi and e-Kinerja (<c>Sources:Staffing</c>).</summary>
public sealed class StaffingOptions : SourceOptions
{
    public const string Section = "Sources:Staffing";
}
