using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>
/// Families first: disbursements reach a kelurahan through the family they belong to (the pseudonymised registry id).
/// </summary>
[DisplayName("Tarik data bansos (DTSEN, penyaluran)")]
public sealed class SocialAidSource(IOptionsMonitor<SocialAidOptions> options, SocialAidKpis kpis, Pseudonymizer pseudonymizer)
    : IngestSource<SocialAidSource, SocialAidOptions>(options)
{
    public override string Name => SocialAidIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } =
    [
        new Feed<SocialAidFamily>(new SocialAidFamiliesMapper(pseudonymizer)),
        new Feed<SocialAidDisbursement>(new SocialAidDisbursementsMapper(pseudonymizer)),
    ];

    public override ISourceKpis Kpis => kpis;
}
