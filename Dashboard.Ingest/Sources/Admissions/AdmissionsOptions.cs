using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>SPMB (ex-PPDB) school admissions of Disdikbud (<c>Sources:Admissions</c>).</summary>
public sealed class AdmissionsOptions : SourceOptions
{
    public const string Section = "Sources:Admissions";

    /// <summary>The schedule unless <c>Sources:Admissions:Schedule</c> says otherwise (every source's settings have defaults).</summary>
    public AdmissionsOptions() => Schedule = "*/2 * * * *";
}
