using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Web.Tiles;

/// <summary>The loader's data-quality facts against what the database holds.</summary>
public sealed class KpiTileLoaderTests
{
    [Fact]
    public async Task Quality_counts_kelurahan_with_data_per_scope_and_the_last_runs_rejected_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new DashboardFactory();
        var run = await app.RefreshAsync();
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        var kecamatan = ReferenceData.Kecamatan[0];
        var gone = ReferenceData.Kelurahan.Where(k => k.ParentCode == kecamatan.Code).Take(2).Select(k => k.Code)
            .Append(ReferenceData.Kelurahan.First(k => k.ParentCode != kecamatan.Code).Code).ToList();
        await using (var db = await app.Db.CreateDbContextAsync(ct))
        {
            await db.IndicatorSnapshots.Where(s => s.IndicatorCode == ComplaintsIndicators.Codes.ComplaintsReceived && gone.Contains(s.ScopeCode))
                .ExecuteDeleteAsync(ct);
            await db.IngestRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Rejected, 7), ct);
        }

        await using var read = await app.Db.CreateDbContextAsync(ct);
        var kota = (await KpiTileLoader.LoadAsync(read, ReferenceData.KotaCode, ComplaintsIndicators.Source, DateTimeOffset.UtcNow, ct))
            .Single(t => t.Code == ComplaintsIndicators.Codes.ComplaintsReceived);
        var inKecamatan = (await KpiTileLoader.LoadAsync(read, kecamatan.Code, ComplaintsIndicators.Source, DateTimeOffset.UtcNow, ct))
            .Single(t => t.Code == ComplaintsIndicators.Codes.ComplaintsReceived);
        var kelurahan = (await KpiTileLoader.LoadAsync(read, gone[0], ComplaintsIndicators.Source, DateTimeOffset.UtcNow, ct))
            .Single(t => t.Code == ComplaintsIndicators.Codes.ComplaintsReceived);

        Assert.Equal((54, 57), (kota.KelurahanWithData, kota.KelurahanTotal));
        var inIt = ReferenceData.Kelurahan.Count(k => k.ParentCode == kecamatan.Code);
        Assert.Equal((inIt - 2, inIt), (inKecamatan.KelurahanWithData, inKecamatan.KelurahanTotal));
        Assert.Null(kelurahan.KelurahanWithData);
        Assert.Equal(7, kota.LastRunRejected);
        Assert.True(kota.HasQualityNotes);
    }
}
