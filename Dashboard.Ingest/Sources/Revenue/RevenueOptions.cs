using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>Bapenda tax and retribution feeds (<c>Sources:Revenue</c>).</summary>
public sealed class RevenueOptions : SourceOptions
{
    public const string Section = "Sources:Revenue";

    /// <summary>The schedule unless <c>Sources:Revenue:Schedule</c> says otherwise (every source's settings have defaults).</summary>
    public RevenueOptions() => Schedule = "*/2 * * * *";
}
