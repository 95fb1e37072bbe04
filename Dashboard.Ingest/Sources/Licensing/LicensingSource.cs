using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>Permit types first (the SLA every file is held to), then the files, NIB, LKPM reports and investment targets.</summary>
[DisplayName("Tarik data perizinan (jenis izin, permohonan, NIB, LKPM, target investasi)")]
public sealed class LicensingSource(IOptionsMonitor<LicensingOptions> options, LicensingKpis kpis)
    : IngestSource<LicensingSource, LicensingOptions, LicensingClient>(options)
{
    public override string Name => LicensingIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } =
    [
        new Feed<PermitType>(new PermitTypesMapper()),
        new Feed<PermitApplication>(new ApplicationsMapper()),
        new Feed<BusinessId>(new BusinessIdsMapper()),
        new Feed<InvestmentReport>(new InvestmentReportsMapper()),
        new Feed<InvestmentTarget>(new InvestmentTargetsMapper()),
    ];

    public override ISourceKpis Kpis => kpis;
}
