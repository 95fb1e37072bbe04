using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Budget;

/// <summary>
/// Validates a budget line. Agencies, spending kinds and funding sources outside the contract are kept and flagged (a
/// line of an unknown agency counts city-wide only). <c>output_indicator</c> is free text and is not read.
/// </summary>
public sealed class BudgetLinesMapper : ISourceMapper<BudgetLine>
{
    public string Resource => BudgetPayload.Lines;

    /// <summary>Every contract field but the free-text <c>sub_activity_name</c> and <c>output_indicator</c>.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "year", "agency_code", "program_code", "activity_code", "sub_activity_code", "spending_kind",
        "funding_source", "pagu", "pagu_original", "kelurahan_code", "revised_at",
    };

    public ItemResult<BudgetLine> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = BudgetMapping.Id(r);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<BudgetLine>(id, updatedAt, r.Errors) : ItemResult.Tombstone<BudgetLine>(id!, updatedAt!.Value);
        }
        var year = BudgetMapping.Year(r, item);
        var agency = r.RequiredCode("agency_code", ReferenceData.IsAgency);
        var program = BudgetMapping.Code(r, "program_code");
        var activity = BudgetMapping.Code(r, "activity_code");
        var subActivity = BudgetMapping.Code(r, "sub_activity_code");
        var name = r.RequiredString("sub_activity_name");
        var kind = r.RequiredEnum("spending_kind", BudgetPayload.SpendingKinds);
        var funding = r.RequiredEnum("funding_source", BudgetPayload.FundingSources);
        var pagu = BudgetMapping.Rupiah(r, item, "pagu");
        var original = BudgetMapping.Rupiah(r, item, "pagu_original");
        var kelurahan = BudgetMapping.NullableField(r, item, "kelurahan_code") ? r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan) : null;
        var revised = BudgetMapping.NullableField(r, item, "revised_at") ? r.OptionalTimestamp("revised_at") : null;
        if (r.HasErrors)
        {
            return ItemResult.Rejected<BudgetLine>(id, updatedAt, r.Errors);
        }
        var line = new BudgetLine
        {
            Id = id!,
            Year = year!.Value,
            AgencyCode = BudgetMapping.Cap(agency!, 24),
            ProgramCode = program!,
            ActivityCode = activity!,
            SubActivityCode = subActivity!,
            // A sub-kegiatan's name is the nomenclature's, not a person's: kept, with digit runs that could be a NIK or phone scrubbed.
            SubActivityName = BudgetMapping.Cap(PersonalData.ScrubDigits(name!), 200),
            SpendingKind = BudgetMapping.Cap(kind!, 24),
            FundingSource = BudgetMapping.Cap(funding!, 24),
            Pagu = pagu!.Value,
            PaguOriginal = original!.Value,
            KelurahanCode = ReferenceData.IsKelurahan(kelurahan) ? kelurahan : null,
            RevisedAt = revised,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(line, line.Id, line.UpdatedAt, line.Flags is not null);
    }

    public bool SameContent(BudgetLine stored, BudgetLine incoming) => stored.SameContentAs(incoming);

    public void Apply(BudgetLine stored, BudgetLine incoming) => stored.CopyFrom(incoming);

    /// <summary>A line's pagu is the base of every day of its year.</summary>
    public DateTimeOffset AffectedSince(BudgetLine? stored, BudgetLine? incoming) =>
        Wib.StartOf(new DateOnly(Math.Min(stored?.Year ?? int.MaxValue, incoming?.Year ?? int.MaxValue), 1, 1));
}

/// <summary>Validates one month of a line's cash plan.</summary>
public sealed class BudgetCashPlansMapper : ISourceMapper<BudgetCashPlan>
{
    public string Resource => BudgetPayload.CashPlans;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "budget_line_id", "month", "amount",
    };

    public ItemResult<BudgetCashPlan> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = BudgetMapping.Id(r);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<BudgetCashPlan>(id, updatedAt, r.Errors) : ItemResult.Tombstone<BudgetCashPlan>(id!, updatedAt!.Value);
        }
        var line = BudgetMapping.LineId(r);
        var month = BudgetMapping.RequiredInt(r, item, "month", 1, 12);
        var amount = BudgetMapping.Rupiah(r, item, "amount");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<BudgetCashPlan>(id, updatedAt, r.Errors);
        }
        var plan = new BudgetCashPlan
        {
            Id = id!,
            BudgetLineId = line!,
            Month = month!.Value,
            Amount = amount!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(plan, plan.Id, plan.UpdatedAt, plan.Flags is not null);
    }

    public bool SameContent(BudgetCashPlan stored, BudgetCashPlan incoming) => stored.SameContentAs(incoming);

    public void Apply(BudgetCashPlan stored, BudgetCashPlan incoming) => stored.CopyFrom(incoming);

    /// <summary>
    /// The item carries no year: a plan is adopted or revised within its year or the weeks before it, so every day from
    /// 1 January of the year before its update on is recomputed.
    /// </summary>
    public DateTimeOffset AffectedSince(BudgetCashPlan? stored, BudgetCashPlan? incoming)
    {
        var at = stored is null || incoming is null ? (stored ?? incoming)!.UpdatedAt : Min(stored.UpdatedAt, incoming.UpdatedAt);
        return Wib.StartOf(new DateOnly(Wib.DateOf(at).Year - 1, 1, 1));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>
/// Validates an SP2D. <c>third_party</c> (name, bank account, NPWP, bank) and <c>description</c> are never read, so they
/// cannot reach a row, a reason or a log. A line's amounts must add up to the SP2D's amount.
/// </summary>
public sealed class BudgetPaymentsMapper : ISourceMapper<BudgetPayment>
{
    /// <summary>More lines than any SP2D carries: a larger list is a broken item.</summary>
    public const int MaxLines = 200;

    public string Resource => BudgetPayload.Payments;

    /// <summary>Not <c>description</c> or <c>third_party</c>; <c>lines</c> is an array, redacted whole in a quarantined copy.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "date", "agency_code", "type", "ls_kind", "amount", "status",
    };

    public ItemResult<BudgetPayment> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = BudgetMapping.Id(r, 128);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<BudgetPayment>(id, updatedAt, r.Errors) : ItemResult.Tombstone<BudgetPayment>(id!, updatedAt!.Value);
        }
        var date = BudgetMapping.Date(r, item, "date");
        var agency = r.RequiredCode("agency_code", ReferenceData.IsAgency);
        var type = r.RequiredEnum("type", BudgetPayload.PaymentTypes);
        string? lsKind = null;
        if (BudgetMapping.NullableField(r, item, "ls_kind") && item.GetProperty("ls_kind").ValueKind != JsonValueKind.Null)
        {
            lsKind = r.RequiredEnum("ls_kind", BudgetPayload.LsKinds);
        }
        var amount = BudgetMapping.Rupiah(r, item, "amount", allowZero: false);
        var status = r.RequiredEnum("status", BudgetPayload.Statuses);
        var lines = Lines(r, item);
        if (lines is not null && amount is { } total && lines.Sum(l => l.Amount) != total)
        {
            r.Error("lines: jumlah rincian tidak sama dengan amount");
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<BudgetPayment>(id, updatedAt, r.Errors);
        }
        var payment = new BudgetPayment
        {
            Id = id!,
            Date = date!.Value,
            AgencyCode = BudgetMapping.Cap(agency!, 24),
            Type = BudgetMapping.Cap(type!, 8),
            LsKind = lsKind is null ? null : BudgetMapping.Cap(lsKind, 24),
            Amount = amount!.Value,
            Status = BudgetMapping.Cap(status!, 24),
            Lines = BudgetPaymentLines.Format(lines!),
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(payment, payment.Id, payment.UpdatedAt, payment.Flags is not null);
    }

    public bool SameContent(BudgetPayment stored, BudgetPayment incoming) => stored.SameContentAs(incoming);

    public void Apply(BudgetPayment stored, BudgetPayment incoming) => stored.CopyFrom(incoming);

    /// <summary>An SP2D moves realisation from its date on (a cancellation too: it never counted).</summary>
    public DateTimeOffset AffectedSince(BudgetPayment? stored, BudgetPayment? incoming)
    {
        var date = stored is null || incoming is null ? (stored ?? incoming)!.Date : (stored.Date < incoming.Date ? stored.Date : incoming.Date);
        return Wib.StartOf(date);
    }

    private static List<BudgetPaymentLine>? Lines(ItemReader r, JsonElement item)
    {
        if (!r.IsObject)
        {
            return null;
        }
        if (!item.TryGetProperty("lines", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            r.Error(item.TryGetProperty("lines", out _) ? "lines: bukan larik" : "lines: tidak ada");
            return null;
        }
        var count = array.GetArrayLength();
        if (count is 0 or > MaxLines)
        {
            r.Error($"lines: harus berisi 1–{MaxLines} rincian");
            return null;
        }
        var lines = new List<BudgetPaymentLine>(count);
        var n = 0;
        foreach (var e in array.EnumerateArray())
        {
            n++;
            var lr = new ItemReader(e);
            var line = lr.RequiredId("budget_line_id");
            var account = lr.RequiredString("account_code");
            var amount = BudgetMapping.Rupiah(lr, e, "amount", allowZero: true);
            if (line is { Length: > 64 })
            {
                lr.Error("budget_line_id: lebih dari 64 karakter");
            }
            if (account is not null && (!BudgetPayload.IsCode(account) || !account.StartsWith('5')))
            {
                lr.Error("account_code: bukan kode rekening belanja (5.x)");
            }
            if (lr.HasErrors)
            {
                r.Error($"lines[{n - 1}]: {lr.Errors}");
                continue;
            }
            lines.Add(new BudgetPaymentLine(line!, account!, amount!.Value));
        }
        return lines.Count == count ? lines : null;
    }
}

/// <summary>Validates a month's physical progress of a line. <c>problems</c> is free text and is never read.</summary>
public sealed class BudgetProgressMapper : ISourceMapper<BudgetProgress>
{
    public string Resource => BudgetPayload.Progress;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "budget_line_id", "month", "physical_pct", "verified", "submitted_at",
    };

    public ItemResult<BudgetProgress> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = BudgetMapping.Id(r, 80);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<BudgetProgress>(id, updatedAt, r.Errors) : ItemResult.Tombstone<BudgetProgress>(id!, updatedAt!.Value);
        }
        var line = BudgetMapping.LineId(r);
        var month = r.RequiredString("month");
        int year = 0, m = 0;
        if (month is not null && !(month.Length == 7 && month[4] == '-' &&
            int.TryParse(month.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) &&
            int.TryParse(month.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out m) && year is >= 2000 and <= 2100 && m is >= 1 and <= 12))
        {
            r.Error("month: bukan bulan YYYY-MM");
        }
        var pct = BudgetMapping.Percent(r, item, "physical_pct");
        var verified = BudgetMapping.Bool(r, item, "verified");
        var submitted = r.RequiredTimestamp("submitted_at");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<BudgetProgress>(id, updatedAt, r.Errors);
        }
        var progress = new BudgetProgress
        {
            Id = id!,
            BudgetLineId = line!,
            Year = year,
            Month = m,
            PhysicalPct = Math.Round(pct!.Value, 1),
            Verified = verified!.Value,
            SubmittedAt = submitted!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(progress, progress.Id, progress.UpdatedAt, progress.Flags is not null);
    }

    public bool SameContent(BudgetProgress stored, BudgetProgress incoming) => stored.SameContentAs(incoming);

    public void Apply(BudgetProgress stored, BudgetProgress incoming) => stored.CopyFrom(incoming);

    /// <summary>A report counts from the day it was submitted (the gap and the on-time share read it from then on).</summary>
    public DateTimeOffset AffectedSince(BudgetProgress? stored, BudgetProgress? incoming)
    {
        if (stored is null || incoming is null)
        {
            return (stored ?? incoming)!.SubmittedAt;
        }
        var first = stored.SubmittedAt < incoming.SubmittedAt ? stored.SubmittedAt : incoming.SubmittedAt;
        // A report moved to another month changes that month's figures too.
        var month = Wib.StartOf(new DateOnly(Math.Min(stored.Year, incoming.Year), 1, 1));
        return stored.Year == incoming.Year && stored.Month == incoming.Month ? first : (first < month ? first : month);
    }
}

internal static partial class BudgetMapping
{
    [System.Text.RegularExpressions.GeneratedRegex("[0-9]{10,}")]
    private static partial System.Text.RegularExpressions.Regex LongDigitRun();

    public static string? Id(ItemReader r, int max = 64)
    {
        var id = r.RequiredId("id");
        if (id is not null && id.Length > max)
        {
            r.Error($"id: lebih dari {max} karakter");
            return null;
        }
        return id;
    }

    public static string? LineId(ItemReader r)
    {
        var line = r.RequiredId("budget_line_id");
        if (line is { Length: > 64 })
        {
            r.Error("budget_line_id: lebih dari 64 karakter");
            return null;
        }
        // A line id is the line's own key (BL-2026-00001); a run of ten digits or more there is a NIK or a phone number,
        // refused and never stored.
        if (line is not null && LongDigitRun().IsMatch(line))
        {
            r.Error("budget_line_id: bukan bentuk pengenal baris anggaran");
            return null;
        }
        return line;
    }

    /// <summary>A Permendagri 90/2019 code: required, digits in dot-separated groups; anything else rejects the item.</summary>
    public static string? Code(ItemReader r, string field)
    {
        var value = r.RequiredString(field);
        if (value is not null && !BudgetPayload.IsCode(value))
        {
            r.Error($"{field}: bukan kode Permendagri 90/2019");
            return null;
        }
        return value;
    }

    /// <summary>Whether a nullable field is present (an absent one is an error: nullable fields must still be sent).</summary>
    public static bool NullableField(ItemReader r, JsonElement item, string field)
    {
        if (!r.IsObject)
        {
            return false;
        }
        if (!item.TryGetProperty(field, out _))
        {
            r.Error($"{field}: tidak ada");
            return false;
        }
        return true;
    }

    public static long? Rupiah(ItemReader r, JsonElement item, string field, bool allowZero = true)
    {
        if (!Present(r, item, field, out var e))
        {
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value))
        {
            r.Error($"{field}: bukan rupiah bulat ({e.ValueKind})");
            return null;
        }
        if (value < 0 || (value == 0 && !allowZero))
        {
            r.Error($"{field}: nilai tidak sah");
            return null;
        }
        return value;
    }

    public static int? RequiredInt(ItemReader r, JsonElement item, string field, int min, int max)
    {
        if (!Present(r, item, field, out _))
        {
            return null;
        }
        return r.OptionalInt(field, min, max);
    }

    public static int? Year(ItemReader r, JsonElement item) => RequiredInt(r, item, "year", 2000, 2100);

    public static double? Percent(ItemReader r, JsonElement item, string field)
    {
        if (!Present(r, item, field, out var e))
        {
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var value) || double.IsNaN(value))
        {
            r.Error($"{field}: bukan angka ({e.ValueKind})");
            return null;
        }
        if (value is < 0 or > 100)
        {
            r.Error($"{field}: di luar rentang 0–100");
            return null;
        }
        return value;
    }

    public static bool? Bool(ItemReader r, JsonElement item, string field)
    {
        if (!Present(r, item, field, out var e))
        {
            return null;
        }
        if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            r.Error($"{field}: bukan boolean ({e.ValueKind})");
            return null;
        }
        return e.ValueKind == JsonValueKind.True;
    }

    /// <summary>A calendar date <c>YYYY-MM-DD</c>, or a timestamp whose WIB day is taken.</summary>
    public static DateOnly? Date(ItemReader r, JsonElement item, string field)
    {
        if (!Present(r, item, field, out var e))
        {
            return null;
        }
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString()!;
            if (IsoTime.TryParseDate(text, out var day) && day.Year is >= 2000 and <= 2100)
            {
                return day;
            }
            if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && at.Year is >= 2000 and <= 2100)
            {
                return Wib.DateOf(at);
            }
        }
        r.Error($"{field}: bukan tanggal YYYY-MM-DD");
        return null;
    }

    public static string Cap(string value, int length) => value.Length <= length ? value : value[..length];

    private static bool Present(ItemReader r, JsonElement item, string field, out JsonElement e)
    {
        e = default;
        if (!r.IsObject)
        {
            return false;
        }
        if (!item.TryGetProperty(field, out e))
        {
            r.Error($"{field}: tidak ada");
            return false;
        }
        if (e.ValueKind == JsonValueKind.Null)
        {
            r.Error($"{field}: wajib diisi");
            return false;
        }
        return true;
    }
}
