using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>The one-stop licensing service: OSS-RBA, SiCantik and SIMBG through one gateway (<c>Sources:Licensing</c>).</summary>
public sealed class LicensingOptions : SourceOptions
{
    public const string Section = "Sources:Licensing";

    /// <summary>The schedule unless <c>Sources:Licensing:Schedule</c> says otherwise (every source's settings have defaults).</summary>
    public LicensingOptions() => Schedule = "*/5 * * * *";
}
