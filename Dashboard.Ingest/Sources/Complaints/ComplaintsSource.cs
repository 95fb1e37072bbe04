using System.ComponentModel;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Complaints;

[DisplayName("Tarik data aduan (SP4N-LAPOR!/SAMBAT)")]
public sealed class ComplaintsSource(IOptionsMonitor<ComplaintsOptions> options, ComplaintsKpis kpis)
    : IngestSource<ComplaintsSource, ComplaintsOptions>(options)
{
    public override string Name => ComplaintsIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } = [new Feed<Complaint>(new ComplaintsMapper())];

    public override ISourceKpis Kpis => kpis;
}
