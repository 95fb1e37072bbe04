using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>Dinsos / DTSEN social aid (<c>Sources:SocialAid</c>).</summary>
public sealed class SocialAidOptions : SourceOptions
{
    public const string Section = "Sources:SocialAid";

    /// <summary>The schedule unless <c>Sources:SocialAid:Schedule</c> says otherwise (every source's settings have defaults).</summary>
    public SocialAidOptions() => Schedule = "*/5 * * * *";
}
