using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ComplaintCodes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;
using RevenueCodes = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes;

namespace Dashboard.Tests.Shared.Indicators;

/// <summary>Administrators' targets and metadata: audited with before and after, history kept, used by the status.</summary>
public sealed class IndicatorAdministrationTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private readonly InMemoryReportingDb _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 10, 7, 0, 0, TimeSpan.Zero));
    private readonly IndicatorAdministration _admin;

    public IndicatorAdministrationTests() => _admin = new IndicatorAdministration(_db, _time);

    private async Task<Dictionary<string, IndicatorTarget>> CurrentAsync(params string[] codes)
    {
        await using var db = _db.CreateDbContext();
        return await CurrentTargets.LoadAsync(db, codes, Today, TestContext.Current.CancellationToken);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(TargetPeriod.Year, 0, "2026-01-01", "2026-12-31")]
    [InlineData(TargetPeriod.Quarter, 1, "2026-01-01", "2026-03-31")]
    [InlineData(TargetPeriod.Quarter, 4, "2026-10-01", "2026-12-31")]
    [InlineData(TargetPeriod.Month, 2, "2026-02-01", "2026-02-28")]
    [InlineData(TargetPeriod.Month, 12, "2026-12-01", "2026-12-31")]
    public void Period_bounds_cover_the_apbd_year_triwulan_or_month(TargetPeriod period, int index, string start, string end) =>
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            IndicatorAdministration.PeriodBounds(period, 2026, index));

    [Theory]
    [InlineData(TargetPeriod.Quarter, 0)]
    [InlineData(TargetPeriod.Quarter, 5)]
    [InlineData(TargetPeriod.Month, 13)]
    public void Period_index_outside_the_year_is_refused(TargetPeriod period, int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorAdministration.PeriodBounds(period, 2026, index));

    [Fact]
    public async Task Setting_a_yearly_target_overrides_the_catalogue_and_is_audited_with_before_and_after()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(90, (await CurrentAsync(ComplaintCodes.WithinSlaPct))[ComplaintCodes.WithinSlaPct].Value);

        await _admin.SetTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Year, 2026, 0, 93.5, "admin", "RKPD 2026 perubahan", ct);

        var current = (await CurrentAsync(ComplaintCodes.WithinSlaPct))[ComplaintCodes.WithinSlaPct];
        Assert.Equal(93.5, current.Value);
        Assert.Equal("admin", current.SetBy);
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(IndicatorAuditActions.TargetSet, audit.Action);
        Assert.Equal(ComplaintCodes.WithinSlaPct, audit.Target);
        Assert.Equal("admin", audit.User);
        Assert.Equal("RKPD 2026 perubahan", audit.Reason);
        Assert.Equal("Tahun 2026: 90 (katalog)", audit.Before);
        Assert.Equal("Tahun 2026: 93.5", audit.After);
        Assert.Equal(_time.GetUtcNow(), audit.At);
    }

    [Fact]
    public async Task Replacing_a_target_keeps_the_old_one_as_history_and_withdrawing_falls_back_to_the_catalogue()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _admin.SetTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Month, 2026, 6, 95, "admin", "target Juni", ct);
        _time.Advance(TimeSpan.FromHours(1));
        var second = await _admin.SetTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Month, 2026, 6, 96, "admin2", "koreksi", ct);

        Assert.Equal(96, (await CurrentAsync(ComplaintCodes.WithinSlaPct))[ComplaintCodes.WithinSlaPct].Value);
        await using (var db = _db.CreateDbContext())
        {
            var june = await db.IndicatorTargets.AsNoTracking()
                .Where(t => t.IndicatorCode == ComplaintCodes.WithinSlaPct && t.Period == TargetPeriod.Month).OrderBy(t => t.Id).ToListAsync(ct);
            Assert.Equal([first.Id, second.Id], june.Select(t => t.Id));
            Assert.Equal(_time.GetUtcNow(), june[0].RetiredAt);
            Assert.Equal("admin2", june[0].RetiredBy);
            Assert.Null(june[1].RetiredAt);
        }
        Assert.Equal("Bulan 2026-06: 95", (await AuditAsync())[1].Before);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await _admin.WithdrawTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Month, new DateOnly(2026, 6, 1), "admin", "batal", ct));
        Assert.False(await _admin.WithdrawTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Month, new DateOnly(2026, 6, 1), "admin", "lagi", ct));

        Assert.Equal(90, (await CurrentAsync(ComplaintCodes.WithinSlaPct))[ComplaintCodes.WithinSlaPct].Value);
        var withdrawn = (await AuditAsync())[^1];
        Assert.Equal(IndicatorAuditActions.TargetWithdrawn, withdrawn.Action);
        Assert.Equal("Bulan 2026-06: 96", withdrawn.Before);
        Assert.Equal("Bulan 2026-06: —", withdrawn.After);
        await using var check = _db.CreateDbContext();
        Assert.Equal(2, await check.IndicatorTargets.CountAsync(t => t.IndicatorCode == ComplaintCodes.WithinSlaPct && t.Period == TargetPeriod.Month, ct));
    }

    [Fact]
    public async Task A_cumulative_indicators_target_is_held_time_proportionally()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty(await CurrentAsync(RevenueCodes.TaxRealisationPct));

        await _admin.SetTargetAsync(RevenueCodes.TaxRealisationPct, TargetPeriod.Year, 2026, 0, 100, "admin", "APBD 2026", ct);

        // 10 June is day 161 of 365.
        Assert.Equal(100.0 * 161 / 365, (await CurrentAsync(RevenueCodes.TaxRealisationPct))[RevenueCodes.TaxRealisationPct].Value, 9);
        // The stored target is the whole year's.
        await using var db = _db.CreateDbContext();
        Assert.Equal(100, (await db.IndicatorTargets.SingleAsync(t => t.IndicatorCode == RevenueCodes.TaxRealisationPct, ct)).Value);
    }

    [Fact]
    public async Task Metadata_changes_are_saved_and_audited_field_by_field()
    {
        var ct = TestContext.Current.CancellationToken;
        IndicatorDefinition before;
        await using (var db = _db.CreateDbContext())
        {
            before = await db.Indicators.AsNoTracking().SingleAsync(d => d.Code == ComplaintCodes.WithinSlaPct, ct);
        }
        var edit = IndicatorMetadataEdit.From(before) with { Notes = "Hari libur nasional belum dikurangi.", Tolerance = 0.1, Cumulative = false };

        Assert.True(await _admin.UpdateMetadataAsync(ComplaintCodes.WithinSlaPct, edit, "admin", "evaluasi triwulan", ct));
        Assert.False(await _admin.UpdateMetadataAsync(ComplaintCodes.WithinSlaPct, edit, "admin", "sama", ct));

        await using var check = _db.CreateDbContext();
        var after = await check.Indicators.AsNoTracking().SingleAsync(d => d.Code == ComplaintCodes.WithinSlaPct, ct);
        Assert.Equal("Hari libur nasional belum dikurangi.", after.Notes);
        Assert.Equal(0.1, after.Tolerance);
        Assert.Equal("admin", after.EditedBy);
        Assert.Equal(before.Formula, after.Formula);
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(IndicatorAuditActions.MetadataChanged, audit.Action);
        Assert.Equal($"Notes: \nTolerance: {before.Tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)}", audit.Before);
        Assert.Equal("Notes: Hari libur nasional belum dikurangi.\nTolerance: 0.1", audit.After);
    }

    [Fact]
    public async Task Invalid_changes_are_refused_without_an_audit_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _admin.SetTargetAsync("TIDAK_ADA", TargetPeriod.Year, 2026, 0, 1, "admin", "x", ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _admin.SetTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Year, 2026, 0, double.NaN, "admin", "x", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _admin.SetTargetAsync(ComplaintCodes.WithinSlaPct, TargetPeriod.Year, 2026, 0, 1, "admin", " ", ct));
        IndicatorDefinition d;
        await using (var db = _db.CreateDbContext())
        {
            d = await db.Indicators.AsNoTracking().SingleAsync(x => x.Code == ComplaintCodes.WithinSlaPct, ct);
        }
        await Assert.ThrowsAsync<ArgumentException>(() => _admin.UpdateMetadataAsync(ComplaintCodes.WithinSlaPct, IndicatorMetadataEdit.From(d) with { OwnerOpd = "BUKAN_OPD" }, "admin", "x", ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _admin.UpdateMetadataAsync(ComplaintCodes.WithinSlaPct, IndicatorMetadataEdit.From(d) with { Tolerance = 2 }, "admin", "x", ct));
        Assert.Empty(await AuditAsync());
    }

    public void Dispose() => _db.Dispose();
}
