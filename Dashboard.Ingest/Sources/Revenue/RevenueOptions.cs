using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>Bapenda tax and retribution feeds (<c>Sources:Revenue</c>).</summary>
public sealed class RevenueOptions : SourceOptions
{
    public const string Section = "Sources:Revenue";
}
