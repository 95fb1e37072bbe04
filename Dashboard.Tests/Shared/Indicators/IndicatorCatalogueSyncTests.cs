using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ComplaintCodes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Tests.Shared.Indicators;

/// <summary>A catalogue release never overwrites metadata an administrator changed; unedited fields follow the catalogue.</summary>
public sealed class IndicatorCatalogueSyncTests : IDisposable
{
    private readonly InMemoryReportingDb _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 10, 7, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    /// <summary>The catalogue of a later release: a copy of today's with <paramref name="change"/> applied to one indicator.</summary>
    private static List<IndicatorDefinition> NextRelease(string code, Action<IndicatorDefinition> change)
    {
        var release = IndicatorCatalog.Definitions.Select(d => new IndicatorDefinition
        {
            Code = d.Code, Number = d.Number, NameId = d.NameId, NameEn = d.NameEn, DefinitionId = d.DefinitionId,
            DefinitionEn = d.DefinitionEn, Formula = d.Formula, Unit = d.Unit, Direction = d.Direction, OwnerOpd = d.OwnerOpd,
            Source = d.Source, CadenceMinutes = d.CadenceMinutes, FreshnessMinutes = d.FreshnessMinutes, LegalBasis = d.LegalBasis,
            Tolerance = d.Tolerance, DisplayOrder = d.DisplayOrder, Cumulative = d.Cumulative, Notes = d.Notes,
        }).ToList();
        change(release.Single(d => d.Code == code));
        return release;
    }

    private async Task<IndicatorDefinition> StoredAsync(string code)
    {
        await using var db = _db.CreateDbContext();
        return await db.Indicators.AsNoTracking().SingleAsync(d => d.Code == code, TestContext.Current.CancellationToken);
    }

    private async Task<IReadOnlyList<CatalogueValueKept>> SyncAsync(IReadOnlyList<IndicatorDefinition> release, bool migrationOverwrites)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = _db.CreateDbContext();
        if (migrationOverwrites)
        {
            // What a generated migration's UpdateData does for changed seed values: the release's values, whoever edited them.
            var seeded = IndicatorCatalog.Definitions.ToDictionary(d => d.Code);
            foreach (var stored in await db.Indicators.ToListAsync(ct))
            {
                var next = release.Single(r => r.Code == stored.Code);
                foreach (var f in IndicatorCatalogueSync.Fields.Where(f => f.Get(next) != f.Get(seeded[stored.Code])))
                {
                    f.Set(stored, f.Get(next));
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return await IndicatorCatalogueSync.SyncAsync(db, release, _time.GetUtcNow(), ct);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_edited_field_keeps_the_admin_value_and_the_other_fields_take_the_new_catalogue(bool migrationOverwrites)
    {
        var ct = TestContext.Current.CancellationToken;
        const string code = ComplaintCodes.WithinSlaPct;
        var original = IndicatorCatalog.Find(code);
        var admin = new IndicatorAdministration(_db, _time);
        var before = await StoredAsync(code);
        Assert.True(await admin.UpdateMetadataAsync(code, IndicatorMetadataEdit.From(before) with { NameId = "Tindak lanjut tepat waktu (versi Bappeda)" },
            "admin", "nama resmi RKPD", ct));

        var release = NextRelease(code, d =>
        {
            d.NameId = "Persentase aduan ditindaklanjuti ≤ 5 HK";       // field A: the administrator changed it
            d.DefinitionId = "Definisi baru dari rilis berikutnya.";      // field B: never edited
            d.FreshnessMinutes = 240;                                     // another unedited field
        });
        var kept = await SyncAsync(release, migrationOverwrites);

        var after = await StoredAsync(code);
        Assert.Equal("Tindak lanjut tepat waktu (versi Bappeda)", after.NameId);
        Assert.Equal("Definisi baru dari rilis berikutnya.", after.DefinitionId);
        Assert.Equal(240, after.FreshnessMinutes);
        Assert.Equal(original.NameEn, after.NameEn);
        Assert.Equal(original.Formula, after.Formula);

        var notice = Assert.Single(kept);
        Assert.Equal((code, "NameId", "Tindak lanjut tepat waktu (versi Bappeda)", "Persentase aduan ditindaklanjuti ≤ 5 HK"),
            (notice.IndicatorCode, notice.Field, notice.AdminValue, notice.CatalogueValue));
        await using (var db = _db.CreateDbContext())
        {
            var audit = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.Action == IndicatorAuditActions.CatalogueValueKept).ToListAsync(ct));
            Assert.Equal(code, audit.Target);
            Assert.Contains("Persentase aduan ditindaklanjuti ≤ 5 HK", audit.After, StringComparison.Ordinal);
            Assert.Contains("versi Bappeda", audit.Before, StringComparison.Ordinal);
        }

        // The next start with the same release changes nothing and audits nothing again.
        Assert.Empty(await SyncAsync(release, migrationOverwrites: false));
        Assert.Equal("Tindak lanjut tepat waktu (versi Bappeda)", (await StoredAsync(code)).NameId);
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == IndicatorAuditActions.CatalogueValueKept, ct));
        }
    }

    [Fact]
    public async Task Unedited_indicators_follow_the_catalogue()
    {
        const string code = ComplaintCodes.ClosedPct;
        var release = NextRelease(code, d =>
        {
            d.NameEn = "Complaints resolved";
            d.Tolerance = 0.08;
            d.LegalBasis = "Perwali 2027";
        });

        Assert.Empty(await SyncAsync(release, migrationOverwrites: false));

        var after = await StoredAsync(code);
        Assert.Equal(("Complaints resolved", 0.08, "Perwali 2027"), (after.NameEn, after.Tolerance, after.LegalBasis));
    }

    [Fact]
    public async Task A_field_set_back_to_the_catalogue_value_follows_the_catalogue_again()
    {
        var ct = TestContext.Current.CancellationToken;
        const string code = ComplaintCodes.Overdue;
        var admin = new IndicatorAdministration(_db, _time);
        var stored = await StoredAsync(code);
        await admin.UpdateMetadataAsync(code, IndicatorMetadataEdit.From(stored) with { Formula = "hitung sendiri" }, "admin", "uji", ct);
        await admin.UpdateMetadataAsync(code, IndicatorMetadataEdit.From(stored), "admin", "kembali ke katalog", ct);

        var release = NextRelease(code, d => d.Formula = "rumus rilis baru");
        Assert.Empty(await SyncAsync(release, migrationOverwrites: true));

        Assert.Equal("rumus rilis baru", (await StoredAsync(code)).Formula);
    }

    [Fact]
    public async Task Edits_made_before_per_field_records_are_recognised_from_the_audit_log()
    {
        var ct = TestContext.Current.CancellationToken;
        const string code = ComplaintCodes.FollowedUpPct;
        await using (var db = _db.CreateDbContext())
        {
            // An edit by an earlier release: the row and its audit entry, no per-field record.
            var d = await db.Indicators.SingleAsync(x => x.Code == code, ct);
            d.NameEn = "Followed up (our wording)";
            d.EditedBy = "admin";
            d.EditedAt = _time.GetUtcNow();
            db.AuditEntries.Add(new AuditEntry
            {
                At = _time.GetUtcNow(), User = "admin", Action = IndicatorAuditActions.MetadataChanged, Target = code,
                Before = "NameEn: " + IndicatorCatalog.Find(code).NameEn, After = "NameEn: Followed up (our wording)",
            });
            await db.SaveChangesAsync(ct);
        }

        await SyncAsync(IndicatorCatalog.Definitions, migrationOverwrites: false);
        Assert.Equal("Followed up (our wording)", (await StoredAsync(code)).NameEn);

        await SyncAsync(NextRelease(code, d => { d.NameEn = "Complaints followed up (2027)"; d.NameId = "Aduan ditindaklanjuti (2027)"; }), migrationOverwrites: true);
        var after = await StoredAsync(code);
        Assert.Equal(("Followed up (our wording)", "Aduan ditindaklanjuti (2027)"), (after.NameEn, after.NameId));
    }
}
