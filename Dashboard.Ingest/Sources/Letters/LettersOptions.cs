using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>Kelurahan letter services (<c>Sources:Letters</c>).</summary>
public sealed class LettersOptions : SourceOptions
{
    public const string Section = "Sources:Letters";
}
