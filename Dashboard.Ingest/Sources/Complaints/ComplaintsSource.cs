using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Complaints;

public sealed class ComplaintsSource(IOptionsMonitor<ComplaintsOptions> options, ComplaintsKpis kpis)
    : IngestSource<ComplaintsIngestJob, ComplaintsOptions>(options)
{
    public override string Name => ComplaintsIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } = [new Feed<Complaint>(new ComplaintsMapper())];

    public override ISourceKpis Kpis => kpis;
}
