using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>
/// Validates a target row (not paged; no id or updated_at of its own: the id is <c>{year}:{revenue_code}</c> and
/// <c>revised_at</c> orders versions). Codes and kinds outside the contract are kept and flagged.
/// </summary>
public sealed class RevenueTargetsMapper : ISourceMapper<RevenueTarget>
{
    public string Resource => RevenuePayload.Targets;

    /// <summary>Nothing in a target is personal; the free-text <c>name</c> is left out all the same.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "year", "revenue_code", "kind", "target", "revised_at", "deleted",
    };

    public ItemResult<RevenueTarget> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var year = RevenueMapping.Year(r, item);
        var code = RevenueMapping.Code(r, "revenue_code");
        var id = year is { } y && code is not null ? string.Create(CultureInfo.InvariantCulture, $"{y}:{RevenueMapping.Cap(code, 64)}") : null;
        var revised = r.RequiredTimestamp("revised_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors || id is null
                ? ItemResult.Rejected<RevenueTarget>(id, revised, r.Errors)
                : ItemResult.Tombstone<RevenueTarget>(id, revised!.Value);
        }
        var kind = r.RequiredEnum("kind", RevenuePayload.Kinds);
        var name = r.RequiredString("name");
        var target = RevenueMapping.Rupiah(r, item, "target", allowZero: true);
        if (kind is not null && code is not null && RevenuePayload.Kinds.Contains(kind) && RevenuePayload.KindOf(code) is { } expected && expected != kind)
        {
            r.Error($"kind: tidak sesuai kode pendapatan (seharusnya {expected})");
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<RevenueTarget>(id, revised, r.Errors);
        }
        var row = new RevenueTarget
        {
            Id = id!,
            Year = year!.Value,
            RevenueCode = RevenueMapping.Cap(code!, 64),
            Kind = RevenueMapping.Cap(kind!, 24),
            // The revenue line's name (not a person's), free text all the same: digit runs that could be a NIK or phone go.
            Name = RevenueMapping.Cap(PersonalData.ScrubDigits(name!), 200),
            Target = target!.Value,
            RevisedAt = revised!.Value,
            UpdatedAt = revised.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(RevenueTarget stored, RevenueTarget incoming) => stored.SameContentAs(incoming);

    public void Apply(RevenueTarget stored, RevenueTarget incoming) => stored.CopyFrom(incoming);

    /// <summary>A year's target moves every day of that year (realisation against it).</summary>
    public DateTimeOffset AffectedSince(RevenueTarget? stored, RevenueTarget? incoming)
    {
        var year = Math.Min(stored?.Year ?? int.MaxValue, incoming?.Year ?? int.MaxValue);
        return Wib.StartOf(new DateOnly(year, 1, 1));
    }
}

/// <summary>
/// Validates a payment. <c>taxpayer_id</c> (NPWPD or NOP) is replaced by its keyed hash and never appears in a
/// reason. A posted payment needs a positive amount; a reversal's amount counts as positive whatever its sign.
/// Unknown codes, channels, statuses and kelurahan are kept and flagged (they count in no realisation).
/// </summary>
public sealed class RevenuePaymentsMapper(Pseudonymizer pseudonymizer) : ISourceMapper<RevenuePayment>
{
    public string Resource => RevenuePayload.Payments;

    /// <summary>Every contract field but <c>taxpayer_id</c>.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "revenue_code", "kelurahan_code", "amount", "paid_at", "channel", "status",
    };

    public ItemResult<RevenuePayment> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (id is { Length: > 64 })
        {
            r.Error("id: lebih dari 64 karakter");
            id = id[..64];
        }
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<RevenuePayment>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<RevenuePayment>(id!, updatedAt!.Value);
        }
        var code = RevenueMapping.Code(r, "revenue_code");
        var taxpayer = r.RequiredString("taxpayer_id");
        var kelurahan = r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        var status = r.RequiredEnum("status", RevenuePayload.Statuses);
        var amount = RevenueMapping.Rupiah(r, item, "amount", allowZero: false, signed: status == RevenuePayload.Reversed);
        var paidAt = r.RequiredTimestamp("paid_at");
        var channel = r.RequiredEnum("channel", RevenuePayload.Channels);
        if (r.HasErrors)
        {
            return ItemResult.Rejected<RevenuePayment>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var payment = new RevenuePayment
        {
            Id = id!,
            RevenueCode = RevenueMapping.Cap(code!, 64),
            TaxpayerKey = pseudonymizer.Hash(RevenuePayload.TaxpayerPurpose, taxpayer!),
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            Amount = Math.Abs(amount!.Value),
            PaidAt = paidAt!.Value,
            PaidDate = Wib.DateOf(paidAt.Value),
            Channel = RevenueMapping.Cap(channel!, 24),
            Status = RevenueMapping.Cap(status!, 24),
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(payment, payment.Id, payment.UpdatedAt, payment.Flags is not null);
    }

    public bool SameContent(RevenuePayment stored, RevenuePayment incoming) => stored.SameContentAs(incoming);

    public void Apply(RevenuePayment stored, RevenuePayment incoming) => stored.CopyFrom(incoming);

    /// <summary>A payment moves the figures from its day on.</summary>
    public DateTimeOffset AffectedSince(RevenuePayment? stored, RevenuePayment? incoming)
    {
        if (stored is null || incoming is null)
        {
            return (stored ?? incoming)!.PaidAt;
        }
        return stored.PaidAt < incoming.PaidAt ? stored.PaidAt : incoming.PaidAt;
    }
}

/// <summary>
/// Validates a PBB assessment. Its id (NOP + year) is stored as a keyed hash, also as the id of a rejected item.
/// Paid may exceed due (penalties), but neither may be negative.
/// </summary>
public sealed class PbbAssessmentsMapper(Pseudonymizer pseudonymizer) : ISourceMapper<PbbAssessment>
{
    public string Resource => RevenuePayload.Assessments;

    /// <summary>Not <c>id</c> (it embeds the NOP).</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "updated_at", "deleted", "year", "kelurahan_code", "amount_due", "amount_paid",
    };

    public ItemResult<PbbAssessment> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var rawId = r.RequiredString("id");
        var id = rawId is null ? null : pseudonymizer.Hash(RevenuePayload.AssessmentIdPurpose, rawId);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<PbbAssessment>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<PbbAssessment>(id!, updatedAt!.Value);
        }
        var year = RevenueMapping.Year(r, item);
        var kelurahan = r.RequiredString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            // Still counted city-wide; it only lacks a region.
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var due = RevenueMapping.Rupiah(r, item, "amount_due", allowZero: true);
        var paid = RevenueMapping.Rupiah(r, item, "amount_paid", allowZero: true);
        if (r.HasErrors)
        {
            return ItemResult.Rejected<PbbAssessment>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var row = new PbbAssessment
        {
            Id = id!,
            Year = year!.Value,
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            AmountDue = due!.Value,
            AmountPaid = paid!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(PbbAssessment stored, PbbAssessment incoming) => stored.SameContentAs(incoming);

    public void Apply(PbbAssessment stored, PbbAssessment incoming) => stored.CopyFrom(incoming);

    /// <summary>
    /// An assessment says how much is paid now, not when: it moves today's PBB figures only (earlier days keep what
    /// was known on them).
    /// </summary>
    public DateTimeOffset AffectedSince(PbbAssessment? stored, PbbAssessment? incoming) => (incoming ?? stored)!.UpdatedAt;
}

internal static class RevenueMapping
{
    /// <summary>A revenue code: required; outside the contract (not a tax code nor <c>RETRIBUSI_*</c>) it is flagged.</summary>
    public static string? Code(ItemReader r, string field)
    {
        return r.RequiredCode(field, RevenuePayload.IsKnownCode);
    }

    /// <summary>
    /// Whole rupiah: a JSON integer. Negative values are rejected unless <paramref name="signed"/>; zero unless
    /// <paramref name="allowZero"/>.
    /// </summary>
    public static long? Rupiah(ItemReader r, JsonElement item, string field, bool allowZero, bool signed = false)
    {
        if (!r.IsObject)
        {
            return null;
        }
        if (!item.TryGetProperty(field, out var e))
        {
            r.Error($"{field}: tidak ada");
            return null;
        }
        if (e.ValueKind == JsonValueKind.Null)
        {
            r.Error($"{field}: wajib diisi");
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value))
        {
            r.Error($"{field}: bukan rupiah bulat ({e.ValueKind})");
            return null;
        }
        if ((value < 0 && !signed) || (value == 0 && !allowZero))
        {
            r.Error($"{field}: nilai tidak sah");
            return null;
        }
        return value;
    }

    /// <summary>An APBD year (2000–2100), required.</summary>
    public static int? Year(ItemReader r, JsonElement item)
    {
        var year = r.OptionalInt("year", 2000, 2100);
        if (year is null && item.ValueKind == JsonValueKind.Object && item.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Null)
        {
            r.Error("year: wajib diisi");
        }
        return year;
    }

    public static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
