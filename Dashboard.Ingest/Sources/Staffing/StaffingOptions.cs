using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>SIMPEG, presensi and e-Kinerja (<c>Sources:Staffing</c>).</summary>
public sealed class StaffingOptions : SourceOptions
{
    public const string Section = "Sources:Staffing";

    /// <summary>The schedule unless <c>Sources:Staffing:Schedule</c> says otherwise (every source's settings have defaults).</summary>
    public StaffingOptions() => Schedule = "*/2 * * * *";
}
