using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>A catalogue field administrators may change, read and written as invariant text.</summary>
public sealed record CatalogueField(string Name, Func<IndicatorDefinition, string?> Get, Action<IndicatorDefinition, string?> Set);

/// <summary>A new catalogue value that was not applied because an administrator had changed the field.</summary>
public sealed record CatalogueValueKept(string IndicatorCode, string Field, string? AdminValue, string? CatalogueValue);

/// <summary>
/// Applies the catalogue (the release's <see cref="IndicatorCatalog"/>) to the stored indicator metadata, field by field,
/// with a three-way rule: a field an administrator never changed takes the catalogue's value; a field they changed
/// (<see cref="IndicatorFieldEdit"/>) keeps theirs, and a release that changes the catalogue's value of such a field is
/// audited (<see cref="IndicatorAuditActions.CatalogueValueKept"/>) instead of applied. Runs in <see cref="ReportingSeed"/> after
/// the migrations at every start (and <c>migrate</c>); a stored value that differs from both (a hand-run update) is put back.
/// </summary>
public static class IndicatorCatalogueSync
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The fields both the catalogue and administrators set (<see cref="IndicatorMetadataEdit"/>).</summary>
    public static IReadOnlyList<CatalogueField> Fields { get; } =
    [
        new("NameId", d => d.NameId, (d, v) => d.NameId = v ?? ""),
        new("NameEn", d => d.NameEn, (d, v) => d.NameEn = v ?? ""),
        new("DefinitionId", d => d.DefinitionId, (d, v) => d.DefinitionId = v ?? ""),
        new("DefinitionEn", d => d.DefinitionEn, (d, v) => d.DefinitionEn = v ?? ""),
        new("Formula", d => d.Formula, (d, v) => d.Formula = v ?? ""),
        new("OwnerOpd", d => d.OwnerOpd, (d, v) => d.OwnerOpd = v ?? ""),
        new("LegalBasis", d => d.LegalBasis, (d, v) => d.LegalBasis = v),
        new("Notes", d => d.Notes, (d, v) => d.Notes = v),
        new("FreshnessMinutes", d => d.FreshnessMinutes.ToString(Inv), (d, v) => d.FreshnessMinutes = int.Parse(v ?? "0", Inv)),
        new("Tolerance", d => d.Tolerance.ToString("R", Inv), (d, v) => d.Tolerance = double.Parse(v ?? "0", Inv)),
        new("Cumulative", d => d.Cumulative ? "true" : "false", (d, v) => d.Cumulative = v == "true"),
    ];

    /// <summary>
    /// Records, in <paramref name="db"/> (saved by the caller with the change itself), that an administrator set
    /// <paramref name="field"/> of <paramref name="code"/> to <paramref name="value"/>. Setting it back to the catalogue's
    /// value removes the record: the field follows the catalogue again.
    /// </summary>
    public static async Task RecordEditAsync(
        ReportingDbContext db, string code, CatalogueField field, string? value, string user, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(field);
        var edit = await db.Set<IndicatorFieldEdit>().FirstOrDefaultAsync(e => e.IndicatorCode == code && e.Field == field.Name, ct);
        var catalogue = edit is not null
            ? edit.CatalogueValue
            : IndicatorCatalog.Definitions.FirstOrDefault(d => d.Code == code) is { } c ? field.Get(c) : null;
        if (value == catalogue)
        {
            if (edit is not null)
            {
                db.Remove(edit);
            }
            return;
        }
        if (edit is null)
        {
            db.Add(new IndicatorFieldEdit
            {
                IndicatorCode = code, Field = field.Name, Value = value, CatalogueValue = catalogue, EditedBy = Bound(user), EditedAt = now,
            });
            return;
        }
        edit.Value = value;
        edit.EditedBy = Bound(user);
        edit.EditedAt = now;
    }

    /// <summary>Applies <paramref name="catalogue"/> to the stored definitions (saved here). Returns the catalogue values not applied.</summary>
    public static async Task<IReadOnlyList<CatalogueValueKept>> SyncAsync(
        ReportingDbContext db, IReadOnlyList<IndicatorDefinition> catalogue, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var stored = await db.Indicators.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var edits = (await db.Set<IndicatorFieldEdit>().ToListAsync(ct)).ToDictionary(e => (e.IndicatorCode, e.Field));
        var kept = new List<CatalogueValueKept>();
        foreach (var c in catalogue)
        {
            if (!stored.TryGetValue(c.Code, out var s))
            {
                continue; // ReportingSeed adds the codes the database lacks before this runs
            }
            var legacy = s.EditedBy is not null && !edits.Keys.Any(k => k.IndicatorCode == c.Code)
                ? await LegacyEditedFieldsAsync(db, c.Code, ct)
                : [];
            foreach (var field in Fields)
            {
                var catalogueValue = field.Get(c);
                var storedValue = field.Get(s);
                if (edits.TryGetValue((c.Code, field.Name), out var edit))
                {
                    if (edit.CatalogueValue != catalogueValue)
                    {
                        if (edit.Value == catalogueValue)
                        {
                            // The catalogue now says what the administrator said: the field follows the catalogue again.
                            db.Remove(edit);
                            field.Set(s, catalogueValue);
                            continue;
                        }
                        kept.Add(new CatalogueValueKept(c.Code, field.Name, edit.Value, catalogueValue));
                        SourceControl.Record(db, now, IndicatorAnnotation.SystemAuthor, IndicatorAuditActions.CatalogueValueKept, c.Code,
                            "Nilai baru katalog tidak diterapkan: kolom ini diubah administrator",
                            $"{field.Name}: {edit.Value}", $"{field.Name} (katalog): {catalogueValue}");
                        edit.CatalogueValue = catalogueValue;
                    }
                    if (storedValue != edit.Value)
                    {
                        field.Set(s, edit.Value);
                    }
                }
                else if (storedValue != catalogueValue)
                {
                    if (legacy.Contains(field.Name))
                    {
                        // Edited before edits were recorded per field (the audit log says so): the administrator's value stays.
                        db.Add(new IndicatorFieldEdit
                        {
                            IndicatorCode = c.Code, Field = field.Name, Value = storedValue, CatalogueValue = catalogueValue,
                            EditedBy = s.EditedBy!, EditedAt = s.EditedAt ?? now,
                        });
                    }
                    else
                    {
                        field.Set(s, catalogueValue);
                    }
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return kept;
    }

    /// <summary>The fields the audit log says administrators changed (lines <c>Field: value</c> of the metadata entries).</summary>
    private static async Task<HashSet<string>> LegacyEditedFieldsAsync(ReportingDbContext db, string code, CancellationToken ct)
    {
        var afters = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == IndicatorAuditActions.MetadataChanged && a.Target == code)
            .Select(a => a.After)
            .ToListAsync(ct);
        return [.. afters.SelectMany(a => (a ?? "").Split('\n'))
            .Select(line => Fields.FirstOrDefault(f => line.StartsWith(f.Name + ":", StringComparison.Ordinal))?.Name)
            .OfType<string>()];
    }

    private static string Bound(string user) => user.Length > 128 ? user[..128] : user;
}
