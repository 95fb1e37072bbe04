using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Letters;

public sealed class LettersSource(IOptionsMonitor<LettersOptions> options, LettersKpis kpis)
    : IngestSource<LettersIngestJob, LettersOptions>(options)
{
    public override string Name => LettersIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } = [new Feed<LetterRequest>(new LettersMapper())];

    public override ISourceKpis Kpis => kpis;
}
