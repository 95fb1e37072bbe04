using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Licensing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Licensing;

/// <summary>What the Licensing page shows, written from its view independently of <c>LicensingExports</c>.</summary>
public sealed class LicensingExportCase : DomainExportCase
{
    public override string Source => LicensingIndicators.Source;

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<LicensingQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(LicensingView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("terbit_harian", [.. v.Days.Select((d, i) => new object?[] { d }.Concat(v.IssuedPerDayByChannel.Select(c => (object?)C(c[i] ?? 0, k))).ToArray())]);
        yield return new("tepat_waktu", [.. v.Days.Select((d, i) => new object?[] { d, v.OnTimePerDay[i] })]);
        yield return new("tunggakan_tahap", [.. v.Backlog.Select(r => new object?[] { r.Stage }.Concat(r.ByAge.Select(a => (object?)C(a, k))).Append(C(r.Total, k)).ToArray())]);
        yield return new("mendekati_sla", [.. v.DueSoon.Select(r => new object?[] { r.Id, r.PermitType, r.Stage, Wib(r.SubmittedAt), r.Elapsed, r.SlaDays, r.Remaining })]);
        yield return new("pbg_belum_bayar", [.. v.Unpaid.Select(r => new object?[] { r.Id, r.Kelurahan, Wib(r.Since), r.Amount, r.DaysWaiting })]);
        yield return new("nib", [.. v.Nib.Select(r => new object?[] { r.Scale }.Concat(r.ByRisk.Select(n => (object?)C(n, k))).Append(C(r.Total, k)).ToArray())]);
        yield return new("investasi", [.. v.Investment.Select(r => new object?[] { r.Quarter, r.Pmdn, r.Pma, r.CumulativeTotal, r.Target, D(r.Pct) })]);
    }
}
