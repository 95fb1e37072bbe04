using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>
/// Validates a permit type (not paged; its <c>code</c> is the id). The name is an institution's wording and is kept
/// with digit runs scrubbed; an unknown channel is flagged; a technical agency outside the reference data is flagged and
/// dropped; an SLA outside 0–365 working days is refused.
/// </summary>
public sealed class PermitTypesMapper : ISourceMapper<PermitType>
{
    public string Resource => LicensingPayload.PermitTypes;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "code", "updated_at", "deleted", "channel", "sla_days", "technical_agency_code", "retribution",
    };

    public ItemResult<PermitType> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("code");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<PermitType>(id, updatedAt, r.Errors) : ItemResult.Tombstone<PermitType>(id!, updatedAt!.Value);
        }
        if (id is not null && !ItemReader.IsPlausibleCode(id))
        {
            // The key is kept as it is: a number or a name there is refused and never stored, not even as the
            // quarantined item's id.
            r.Error("code: bukan kode jenis izin");
            id = null;
        }
        var name = r.RequiredString("name");
        var channel = r.RequiredEnum("channel", LicensingPayload.Channels);
        var sla = r.OptionalInt("sla_days", 0, 365);
        if (sla is null && !r.HasErrors)
        {
            r.Error("sla_days: wajib diisi");
        }
        var agency = r.OptionalCode("technical_agency_code", ReferenceData.IsAgency);
        var retribution = LicensingMapping.RequiredBool(r, item, "retribution");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<PermitType>(id, updatedAt, r.Errors);
        }
        var row = new PermitType
        {
            Id = id!,
            Name = LicensingMapping.Cap(PersonalData.ScrubDigits(name!), 200),
            Channel = LicensingMapping.Cap(channel!, 24),
            SlaDays = sla!.Value,
            TechnicalAgencyCode = agency is not null && ReferenceData.IsAgency(agency) ? agency : null,
            Retribution = retribution!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(PermitType stored, PermitType incoming) => stored.SameContentAs(incoming);

    public void Apply(PermitType stored, PermitType incoming) => stored.CopyFrom(incoming);

    /// <summary>A changed SLA moves every open file's clock and the on-time share of the last month: recompute from a year back.</summary>
    public DateTimeOffset AffectedSince(PermitType? stored, PermitType? incoming) =>
        ((incoming ?? stored)!.UpdatedAt).AddDays(-366);
}

/// <summary>
/// Validates an application. The applicant object (name, NIK, address, phone) is never read. The history must be a
/// list of <c>{status, at}</c> in time order, none before the submission; statuses outside the contract are flagged and
/// kept only when they look like a code; an unknown kelurahan is flagged and counted city-wide only; a KBLI that is not
/// five digits is flagged and dropped; an issue or payment before the submission is refused.
/// </summary>
public sealed class ApplicationsMapper : ISourceMapper<PermitApplication>
{
    public string Resource => LicensingPayload.Applications;

    /// <summary>Every contract field but <c>applicant</c>.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "permit_type", "channel", "kbli", "risk_level", "applicant_kind", "kelurahan_code",
        "status", "history", "submitted_at", "issued_at", "retribution_amount", "paid_at", "investment_value",
    };

    public ItemResult<PermitApplication> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<PermitApplication>(id, updatedAt, r.Errors) : ItemResult.Tombstone<PermitApplication>(id!, updatedAt!.Value);
        }
        var type = r.RequiredCode("permit_type", ItemReader.IsPlausibleCode);
        var channel = r.RequiredEnum("channel", LicensingPayload.Channels);
        var kbli = LicensingMapping.Kbli(r);
        var risk = LicensingMapping.OptionalEnum(r, "risk_level", LicensingPayload.RiskLevels);
        var applicantKind = r.RequiredEnum("applicant_kind", LicensingPayload.ApplicantKinds);
        var kelurahan = r.OptionalString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var status = r.RequiredEnum("status", LicensingPayload.Statuses);
        var submitted = r.RequiredTimestamp("submitted_at");
        var issued = r.OptionalTimestamp("issued_at");
        var retribution = LicensingMapping.OptionalRupiah(r, item, "retribution_amount");
        var paid = r.OptionalTimestamp("paid_at");
        var investment = LicensingMapping.OptionalRupiah(r, item, "investment_value");
        var history = LicensingMapping.History(r, item, submitted);
        if (submitted is { } s)
        {
            if (issued is { } i && i < s)
            {
                r.Error("issued_at: sebelum submitted_at");
            }
            if (paid is { } p && p < s)
            {
                r.Error("paid_at: sebelum submitted_at");
            }
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<PermitApplication>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var row = new PermitApplication
        {
            Id = id!,
            PermitType = LicensingMapping.Cap(type!, 64),
            Channel = LicensingMapping.Cap(channel!, 24),
            Kbli = kbli,
            RiskLevel = risk is null ? null : LicensingMapping.Cap(risk, 24),
            ApplicantKind = LicensingMapping.Cap(applicantKind!, 24),
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            Status = LicensingMapping.Cap(status!, 24),
            StatusSince = history!.Count > 0 ? history[^1].At : submitted!.Value,
            History = StatusHistory.Encode(history),
            SubmittedAt = submitted!.Value,
            IssuedAt = issued,
            RetributionAmount = retribution,
            PaidAt = paid,
            InvestmentValue = investment,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(PermitApplication stored, PermitApplication incoming) => stored.SameContentAs(incoming);

    public void Apply(PermitApplication stored, PermitApplication incoming) => stored.CopyFrom(incoming);

    /// <summary>A file counts from its submission on (backlog, pauses, on-time share): the earlier submission of the two versions.</summary>
    public DateTimeOffset AffectedSince(PermitApplication? stored, PermitApplication? incoming)
    {
        var a = stored?.SubmittedAt ?? DateTimeOffset.MaxValue;
        var b = incoming?.SubmittedAt ?? DateTimeOffset.MaxValue;
        return a < b ? a : b;
    }
}

/// <summary>Validates a NIB. The owner (name, NIK) is never read; scale and risk are required enums.</summary>
public sealed class BusinessIdsMapper : ISourceMapper<BusinessId>
{
    public string Resource => LicensingPayload.BusinessIds;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "issued_at", "kbli", "risk_level", "scale", "kelurahan_code", "investment_value",
    };

    public ItemResult<BusinessId> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<BusinessId>(id, updatedAt, r.Errors) : ItemResult.Tombstone<BusinessId>(id!, updatedAt!.Value);
        }
        var issued = r.RequiredTimestamp("issued_at");
        var kbli = LicensingMapping.Kbli(r);
        var risk = r.RequiredEnum("risk_level", LicensingPayload.RiskLevels);
        var scale = r.RequiredEnum("scale", LicensingPayload.Scales);
        var kelurahan = r.OptionalString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var investment = LicensingMapping.OptionalRupiah(r, item, "investment_value");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<BusinessId>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var row = new BusinessId
        {
            Id = id!,
            IssuedAt = issued!.Value,
            Kbli = kbli,
            RiskLevel = LicensingMapping.Cap(risk!, 24),
            Scale = LicensingMapping.Cap(scale!, 24),
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            InvestmentValue = investment,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(BusinessId stored, BusinessId incoming) => stored.SameContentAs(incoming);

    public void Apply(BusinessId stored, BusinessId incoming) => stored.CopyFrom(incoming);

    public DateTimeOffset AffectedSince(BusinessId? stored, BusinessId? incoming)
    {
        var a = stored?.IssuedAt ?? DateTimeOffset.MaxValue;
        var b = incoming?.IssuedAt ?? DateTimeOffset.MaxValue;
        return a < b ? a : b;
    }
}

/// <summary>Validates an LKPM report aggregate: period <c>YYYY-Qn</c>, kind PMDN|PMA, a sector code, a non-negative value.</summary>
public sealed class InvestmentReportsMapper : ISourceMapper<InvestmentReport>
{
    public string Resource => LicensingPayload.InvestmentReports;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "period", "kind", "sector", "kelurahan_code", "realised_value",
    };

    public ItemResult<InvestmentReport> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors ? ItemResult.Rejected<InvestmentReport>(id, updatedAt, r.Errors) : ItemResult.Tombstone<InvestmentReport>(id!, updatedAt!.Value);
        }
        var periodText = r.RequiredString("period");
        var period = periodText is null ? null : LicensingPayload.ParsePeriod(periodText);
        if (periodText is not null && period is null)
        {
            r.Error("period: bukan triwulan YYYY-Qn");
        }
        var kind = r.RequiredEnum("kind", LicensingPayload.InvestmentKinds);
        // Free text in some sources: only a sector code is kept, anything else becomes "lainnya".
        var sector = r.RequiredCode("sector", LicensingPayload.Sectors.Contains);
        var kelurahan = r.OptionalString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var value = LicensingMapping.Rupiah(r, item, "realised_value");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<InvestmentReport>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var row = new InvestmentReport
        {
            Id = id!,
            Year = period!.Value.Year,
            Quarter = period.Value.Quarter,
            Kind = LicensingMapping.Cap(kind!, 8),
            Sector = LicensingMapping.Cap(sector!, 24),
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            RealisedValue = value!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(InvestmentReport stored, InvestmentReport incoming) => stored.SameContentAs(incoming);

    public void Apply(InvestmentReport stored, InvestmentReport incoming) => stored.CopyFrom(incoming);

    /// <summary>A report moves the year's cumulative realisation from its quarter's end on.</summary>
    public DateTimeOffset AffectedSince(InvestmentReport? stored, InvestmentReport? incoming)
    {
        var a = stored is null ? DateOnly.MaxValue : LicensingPayload.QuarterEnd(stored.Year, stored.Quarter);
        var b = incoming is null ? DateOnly.MaxValue : LicensingPayload.QuarterEnd(incoming.Year, incoming.Quarter);
        return Wib.StartOf(a < b ? a : b);
    }
}

/// <summary>Validates a year's investment target (not paged; the id is <c>{year}:{kind}</c>).</summary>
public sealed class InvestmentTargetsMapper : ISourceMapper<InvestmentTarget>
{
    public string Resource => LicensingPayload.InvestmentTargets;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "year", "kind", "target", "updated_at", "deleted",
    };

    public ItemResult<InvestmentTarget> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var year = r.OptionalInt("year", 2000, 2100);
        var kind = r.RequiredEnum("kind", LicensingPayload.InvestmentKinds);
        var updatedAt = r.RequiredTimestamp("updated_at");
        var id = year is { } y && kind is not null ? string.Create(CultureInfo.InvariantCulture, $"{y}:{kind}") : null;
        if (year is null && !r.HasErrors)
        {
            r.Error("year: wajib diisi");
        }
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors || id is null ? ItemResult.Rejected<InvestmentTarget>(id, updatedAt, r.Errors) : ItemResult.Tombstone<InvestmentTarget>(id, updatedAt!.Value);
        }
        var target = LicensingMapping.Rupiah(r, item, "target");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<InvestmentTarget>(id, updatedAt, r.Errors);
        }
        var row = new InvestmentTarget
        {
            Id = id!,
            Year = year!.Value,
            Kind = LicensingMapping.Cap(kind!, 8),
            Target = target!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(InvestmentTarget stored, InvestmentTarget incoming) => stored.SameContentAs(incoming);

    public void Apply(InvestmentTarget stored, InvestmentTarget incoming) => stored.CopyFrom(incoming);

    /// <summary>A year's target moves every day of that year.</summary>
    public DateTimeOffset AffectedSince(InvestmentTarget? stored, InvestmentTarget? incoming) =>
        Wib.StartOf(new DateOnly(Math.Min(stored?.Year ?? 2100, incoming?.Year ?? 2100), 1, 1));
}

internal static class LicensingMapping
{
    public static string Cap(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>A nullable KBLI: five digits, or flagged and dropped (anything else could be a number of a person).</summary>
    public static string? Kbli(ItemReader r)
    {
        var kbli = r.OptionalString("kbli");
        if (kbli is null || LicensingPayload.IsKbli(kbli))
        {
            return kbli;
        }
        r.OptionalCode("kbli", _ => false);
        return null;
    }

    /// <summary>A nullable enum: unknown values flagged and neutralised.</summary>
    public static string? OptionalEnum(ItemReader r, string name, IReadOnlySet<string> known)
    {
        var value = r.OptionalString(name);
        return value is null ? null : r.OptionalCode(name, known.Contains);
    }

    public static bool? RequiredBool(ItemReader r, JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (!item.TryGetProperty(name, out var e))
        {
            r.Error($"{name}: tidak ada");
            return null;
        }
        if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            r.Error($"{name}: bukan boolean ({e.ValueKind})");
            return null;
        }
        return e.ValueKind == JsonValueKind.True;
    }

    /// <summary>Whole rupiah, zero or more, required.</summary>
    public static long? Rupiah(ItemReader r, JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (!item.TryGetProperty(name, out var e))
        {
            r.Error($"{name}: tidak ada");
            return null;
        }
        return Amount(r, e, name, required: true);
    }

    /// <summary>Whole rupiah, zero or more, or null.</summary>
    public static long? OptionalRupiah(ItemReader r, JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (!item.TryGetProperty(name, out var e))
        {
            r.Error($"{name}: tidak ada");
            return null;
        }
        return Amount(r, e, name, required: false);
    }

    private static long? Amount(ItemReader r, JsonElement e, string name, bool required)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                r.Error($"{name}: wajib diisi");
            }
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value))
        {
            r.Error($"{name}: bukan rupiah bulat ({e.ValueKind})");
            return null;
        }
        if (value < 0)
        {
            r.Error($"{name}: negatif");
            return null;
        }
        return value;
    }

    /// <summary>The status history: a list of <c>{status, at}</c>, in time order, none before the submission.</summary>
    public static List<StatusChange>? History(ItemReader r, JsonElement item, DateTimeOffset? submitted)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (!item.TryGetProperty("history", out var list))
        {
            r.Error("history: tidak ada");
            return null;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            r.Error($"history: bukan larik ({list.ValueKind})");
            return null;
        }
        if (list.GetArrayLength() > LicensingPayload.MaxHistory)
        {
            r.Error($"history: lebih dari {LicensingPayload.MaxHistory} perubahan");
            return null;
        }
        var result = new List<StatusChange>();
        var unknown = false;
        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object ||
                !entry.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.String ||
                !entry.TryGetProperty("at", out var a) || a.ValueKind != JsonValueKind.String)
            {
                r.Error("history: entri tanpa status/at");
                return null;
            }
            string status, atText;
            try
            {
                status = s.GetString()!;
                atText = a.GetString()!;
            }
            catch (InvalidOperationException)
            {
                r.Error("history: teks bukan UTF-8 yang sah");
                return null;
            }
            if (!IsoTime.TryParseZoned(atText, out var at))
            {
                r.Error("history: at bukan waktu ISO-8601 dengan zona");
                return null;
            }
            if (result.Count > 0 && at < result[^1].At)
            {
                r.Error("history: tidak urut waktu");
                return null;
            }
            if (submitted is { } sub && at < sub)
            {
                r.Error("history: sebelum submitted_at");
                return null;
            }
            if (!LicensingPayload.Statuses.Contains(status))
            {
                unknown = true;
                status = ItemReader.Neutral(status);
            }
            result.Add(new StatusChange(status, at));
        }
        if (unknown)
        {
            r.Flag("history");
        }
        return result;
    }
}
