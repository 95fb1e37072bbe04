using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>Actions of <see cref="IndicatorAdministration"/> in the audit log.</summary>
public static class IndicatorAuditActions
{
    public const string TargetSet = "indicator.target.set";
    public const string TargetWithdrawn = "indicator.target.withdrawn";
    public const string MetadataChanged = "indicator.metadata";
    public const string AnnotationAdded = "indicator.annotation.added";
    public const string AnnotationRemoved = "indicator.annotation.removed";

    /// <summary>A catalogue release changed a field an administrator had changed: the administrator's value stayed.</summary>
    public const string CatalogueValueKept = "indicator.catalogue.kept";
}

/// <summary>The metadata administrators keep for an indicator (the rest is the catalogue's and the computation's).</summary>
public sealed record IndicatorMetadataEdit
{
    public required string NameId { get; init; }
    public required string NameEn { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionEn { get; init; }
    public required string Formula { get; init; }
    public required string OwnerOpd { get; init; }
    public string? LegalBasis { get; init; }
    public string? Notes { get; init; }
    public int FreshnessMinutes { get; init; }

    /// <summary>Relative band on the bad side of the target still "at risk" (0.05 = 5 %), 0 to 1.</summary>
    public double Tolerance { get; init; }
    public bool Cumulative { get; init; }

    public static IndicatorMetadataEdit From(IndicatorDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new()
        {
            NameId = d.NameId, NameEn = d.NameEn, DefinitionId = d.DefinitionId, DefinitionEn = d.DefinitionEn, Formula = d.Formula,
            OwnerOpd = d.OwnerOpd, LegalBasis = d.LegalBasis, Notes = d.Notes, FreshnessMinutes = d.FreshnessMinutes,
            Tolerance = d.Tolerance, Cumulative = d.Cumulative,
        };
    }
}

/// <summary>
/// Administrators' changes to indicator targets and metadata. Each change and its audit entry (with the values
/// before and after) are saved in one transaction; a replaced or withdrawn target is retired, never deleted, so the
/// history of targets stays. Who may call this is the caller's check (the Administer policy).
/// </summary>
public sealed class IndicatorAdministration(IDbContextFactory<ReportingDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The first and last day of a target period: <paramref name="index"/> is the triwulan (1–4) or month (1–12).</summary>
    public static (DateOnly Start, DateOnly End) PeriodBounds(TargetPeriod period, int year, int index)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), "An APBD year between 2000 and 2100.");
        }
        return period switch
        {
            TargetPeriod.Year => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            TargetPeriod.Quarter when index is >= 1 and <= 4 =>
                (new DateOnly(year, (3 * index) - 2, 1), new DateOnly(year, 3 * index, 1).AddMonths(1).AddDays(-1)),
            TargetPeriod.Month when index is >= 1 and <= 12 =>
                (new DateOnly(year, index, 1), new DateOnly(year, index, 1).AddMonths(1).AddDays(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(index), "A triwulan is 1–4 and a month 1–12."),
        };
    }

    /// <summary>A period in words for the audit log: <c>Tahun 2026</c>, <c>Triwulan 2 2026</c>, <c>Bulan 2026-06</c>.</summary>
    public static string Describe(TargetPeriod period, DateOnly start) => period switch
    {
        TargetPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"Triwulan {((start.Month - 1) / 3) + 1} {start.Year}"),
        TargetPeriod.Month => string.Create(CultureInfo.InvariantCulture, $"Bulan {start:yyyy-MM}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Tahun {start.Year}"),
    };

    /// <summary>Sets the target of <paramref name="code"/> for a period, replacing an administrator's earlier one for it.</summary>
    public async Task<IndicatorTarget> SetTargetAsync(
        string code, TargetPeriod period, int year, int index, double value, string user, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A target is a finite number.");
        }
        var (start, end) = PeriodBounds(period, year, index);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireIndicatorAsync(db, code, ct);
        var now = time.GetUtcNow();
        var samePeriod = await db.IndicatorTargets
            .Where(t => t.IndicatorCode == code && t.Period == period && t.PeriodStart == start && t.RetiredAt == null)
            .ToListAsync(ct);
        var before = samePeriod.Where(t => t.SetBy != null).OrderByDescending(t => t.SetAt).FirstOrDefault()
            ?? samePeriod.FirstOrDefault(t => t.SetBy == null);
        foreach (var replaced in samePeriod.Where(t => t.SetBy != null))
        {
            replaced.RetiredAt = now;
            replaced.RetiredBy = Bound(user);
        }
        var target = new IndicatorTarget
        {
            IndicatorCode = code, Period = period, PeriodStart = start, PeriodEnd = end, Value = value,
            SetBy = Bound(user), SetAt = now, Reason = reason.Trim(),
        };
        db.IndicatorTargets.Add(target);
        SourceControl.Record(db, now, user, IndicatorAuditActions.TargetSet, code, reason.Trim(),
            before is null ? Describe(period, start) + ": —" : Text(before),
            Text(target));
        await db.SaveChangesAsync(ct);
        return target;
    }

    /// <summary>Withdraws an administrator's target for a period: the catalogue's target (if any) applies again.</summary>
    public async Task<bool> WithdrawTargetAsync(string code, TargetPeriod period, DateOnly start, string user, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.IndicatorTargets
            .Where(t => t.IndicatorCode == code && t.Period == period && t.PeriodStart == start && t.RetiredAt == null && t.SetBy != null)
            .ToListAsync(ct);
        if (active.Count == 0)
        {
            return false;
        }
        var now = time.GetUtcNow();
        foreach (var t in active)
        {
            t.RetiredAt = now;
            t.RetiredBy = Bound(user);
        }
        var catalogue = await db.IndicatorTargets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.IndicatorCode == code && t.Period == period && t.PeriodStart == start && t.RetiredAt == null && t.SetBy == null, ct);
        SourceControl.Record(db, now, user, IndicatorAuditActions.TargetWithdrawn, code, reason.Trim(),
            Text(active.OrderByDescending(t => t.SetAt).First()),
            catalogue is null ? Describe(period, start) + ": —" : Text(catalogue));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Changes an indicator's metadata; the audit entry lists each changed field before and after.</summary>
    public async Task<bool> UpdateMetadataAsync(string code, IndicatorMetadataEdit edit, string user, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (string.IsNullOrWhiteSpace(edit.NameId) || string.IsNullOrWhiteSpace(edit.NameEn) || string.IsNullOrWhiteSpace(edit.Formula))
        {
            throw new ArgumentException("Names and formula are required.", nameof(edit));
        }
        if (edit.Tolerance is < 0 or > 1 || double.IsNaN(edit.Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(edit), "Tolerance is between 0 and 1.");
        }
        if (edit.FreshnessMinutes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(edit), "The freshness limit is at least one minute.");
        }
        if (!ReferenceData.IsAgency(edit.OwnerOpd))
        {
            throw new ArgumentException($"'{edit.OwnerOpd}' is not a known agency (OPD).", nameof(edit));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await RequireIndicatorAsync(db, code, ct);
        var old = IndicatorMetadataEdit.From(d);
        var changes = Changes(old, edit).ToList();
        if (changes.Count == 0)
        {
            return false;
        }
        d.NameId = edit.NameId.Trim();
        d.NameEn = edit.NameEn.Trim();
        d.DefinitionId = edit.DefinitionId.Trim();
        d.DefinitionEn = edit.DefinitionEn.Trim();
        d.Formula = edit.Formula.Trim();
        d.OwnerOpd = edit.OwnerOpd;
        d.LegalBasis = string.IsNullOrWhiteSpace(edit.LegalBasis) ? null : edit.LegalBasis.Trim();
        d.Notes = string.IsNullOrWhiteSpace(edit.Notes) ? null : edit.Notes.Trim();
        d.FreshnessMinutes = edit.FreshnessMinutes;
        d.Tolerance = edit.Tolerance;
        d.Cumulative = edit.Cumulative;
        var now = time.GetUtcNow();
        d.EditedBy = Bound(user);
        d.EditedAt = now;
        foreach (var field in IndicatorCatalogueSync.Fields.Where(f => changes.Any(c => c.Field == f.Name)))
        {
            await IndicatorCatalogueSync.RecordEditAsync(db, code, field, field.Get(d), user, now, ct);
        }
        SourceControl.Record(db, now, user, IndicatorAuditActions.MetadataChanged, code, reason.Trim(),
            string.Join("\n", changes.Select(c => $"{c.Field}: {c.Before}")),
            string.Join("\n", changes.Select(c => $"{c.Field}: {c.After}")));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds an annotation on <paramref name="date"/> for the indicator, or for every indicator of its source.</summary>
    public async Task<IndicatorAnnotation> AddAnnotationAsync(string code, DateOnly date, string text, bool wholeSource, string user, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await RequireIndicatorAsync(db, code, ct);
        var now = time.GetUtcNow();
        var annotation = new IndicatorAnnotation
        {
            IndicatorCode = wholeSource ? null : code, Source = d.Source, Date = date,
            Text = text.Trim().Length > 500 ? text.Trim()[..500] : text.Trim(), CreatedBy = Bound(user), CreatedAt = now,
        };
        db.Set<IndicatorAnnotation>().Add(annotation);
        SourceControl.Record(db, now, user, IndicatorAuditActions.AnnotationAdded, wholeSource ? d.Source : code, null, null,
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + annotation.Text);
        await db.SaveChangesAsync(ct);
        return annotation;
    }

    /// <summary>Removes an annotation from the trend (the row stays, marked removed).</summary>
    public async Task<bool> RemoveAnnotationAsync(long id, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var annotation = await db.Set<IndicatorAnnotation>().FirstOrDefaultAsync(a => a.Id == id && a.RemovedAt == null, ct);
        if (annotation is null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        annotation.RemovedAt = now;
        annotation.RemovedBy = Bound(user);
        SourceControl.Record(db, now, user, IndicatorAuditActions.AnnotationRemoved, annotation.IndicatorCode ?? annotation.Source, null,
            annotation.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + annotation.Text, null);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IEnumerable<(string Field, string? Before, string? After)> Changes(IndicatorMetadataEdit a, IndicatorMetadataEdit b)
    {
        static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (string, string?, string?)[] fields =
        [
            ("NameId", a.NameId, b.NameId), ("NameEn", a.NameEn, b.NameEn), ("DefinitionId", a.DefinitionId, b.DefinitionId),
            ("DefinitionEn", a.DefinitionEn, b.DefinitionEn), ("Formula", a.Formula, b.Formula), ("OwnerOpd", a.OwnerOpd, b.OwnerOpd),
            ("LegalBasis", a.LegalBasis, b.LegalBasis), ("Notes", a.Notes, b.Notes),
            ("FreshnessMinutes", a.FreshnessMinutes.ToString(CultureInfo.InvariantCulture), b.FreshnessMinutes.ToString(CultureInfo.InvariantCulture)),
            ("Tolerance", a.Tolerance.ToString(CultureInfo.InvariantCulture), b.Tolerance.ToString(CultureInfo.InvariantCulture)),
            ("Cumulative", a.Cumulative ? "true" : "false", b.Cumulative ? "true" : "false"),
        ];
        return fields.Where(f => Norm(f.Item2) != Norm(f.Item3)).Select(f => (f.Item1, Norm(f.Item2), Norm(f.Item3)));
    }

    private static async Task<IndicatorDefinition> RequireIndicatorAsync(ReportingDbContext db, string code, CancellationToken ct) =>
        await db.Indicators.FirstOrDefaultAsync(d => d.Code == code, ct)
        ?? throw new KeyNotFoundException($"No indicator '{code}' in the catalogue.");

    private static string Text(IndicatorTarget t) =>
        Describe(t.Period, t.PeriodStart) + ": " + t.Value.ToString("0.####", CultureInfo.InvariantCulture)
        + (t.SetBy is null ? " (katalog)" : "");

    private static string Bound(string user) => user.Length > 128 ? user[..128] : user;
}
