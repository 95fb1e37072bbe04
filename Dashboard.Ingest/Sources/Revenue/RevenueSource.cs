using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>Targets first (realisation is read against them), then payments and PBB assessments.</summary>
[DisplayName("Tarik data pendapatan (target, pembayaran, ketetapan PBB)")]
public sealed class RevenueSource(IOptionsMonitor<RevenueOptions> options, RevenueKpis kpis, Pseudonymizer pseudonymizer)
    : IngestSource<RevenueSource, RevenueOptions, RevenueClient>(options)
{
    public override string Name => RevenueIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } =
    [
        new Feed<RevenueTarget>(new RevenueTargetsMapper()),
        new Feed<RevenuePayment>(new RevenuePaymentsMapper(pseudonymizer)),
        new Feed<PbbAssessment>(new PbbAssessmentsMapper(pseudonymizer)),
    ];

    public override ISourceKpis Kpis => kpis;
}
