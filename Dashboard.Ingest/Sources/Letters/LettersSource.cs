using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Letters;

[DisplayName("Tarik data layanan surat kelurahan")]
public sealed class LettersSource(IOptionsMonitor<LettersOptions> options, LettersKpis kpis)
    : IngestSource<LettersSource, LettersOptions>(options)
{
    public override string Name => LettersIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } = [new Feed<LetterRequest>(new LettersMapper())];

    public override ISourceKpis Kpis => kpis;
}
