using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>Dinsos / DTSEN social aid (<c>Sources:SocialAid</c>).</summary>
public sealed class SocialAidOptions : SourceOptions
{
    public const string Section = "Sources:SocialAid";
}
