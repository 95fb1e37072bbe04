using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>Schools first (their seats and places), then applications, whose applicants are keyed by the hashed NIK.</summary>
[DisplayName("Tarik data SPMB (sekolah dan pendaftaran)")]
public sealed class AdmissionsSource(IOptionsMonitor<AdmissionsOptions> options, AdmissionsKpis kpis, Pseudonymizer pseudonymizer)
    : IngestSource<AdmissionsSource, AdmissionsOptions>(options)
{
    public override string Name => AdmissionsIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } =
    [
        new Feed<AdmissionSchool>(new AdmissionsSchoolsMapper()),
        new Feed<AdmissionApplication>(new AdmissionsApplicationsMapper(pseudonymizer)),
    ];

    public override ISourceKpis Kpis => kpis;
}
