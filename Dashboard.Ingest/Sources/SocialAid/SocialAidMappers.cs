using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>
/// Validates a DTSEN family and keeps what reporting needs. The registry id is replaced by its keyed hash, also as
/// the item id of a rejected item; <c>head_nik</c> and <c>head_name</c> are never read. Unknown kelurahan codes,
/// programmes and statuses are kept and flagged; wrong types and a desil outside 1–10 are rejected.
/// </summary>
public sealed class SocialAidFamiliesMapper(Pseudonymizer pseudonymizer) : ISourceMapper<SocialAidFamily>
{
    public string Resource => SocialAidPayload.Families;

    /// <summary>The non-personal contract fields: not <c>id</c> (the registry id), <c>head_nik</c> or <c>head_name</c>.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "updated_at", "deleted", "kelurahan_code", "desil", "programs", "status", "verval_status",
    };

    public ItemResult<SocialAidFamily> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var key = SocialAidMapping.FamilyKey(r, pseudonymizer, "id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<SocialAidFamily>(key, updatedAt, r.Errors)
                : ItemResult.Tombstone<SocialAidFamily>(key!, updatedAt!.Value);
        }
        var kelurahan = r.RequiredString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            // Still counted city-wide; it only lacks a region below the kota.
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var desil = SocialAidMapping.RequiredInt(r, "desil", SocialAidPayload.MinDesil, SocialAidPayload.MaxDesil);
        var flags = new List<string>(1);
        var programs = SocialAidMapping.Programs(item, r, flags);
        var status = r.RequiredEnum("status", SocialAidPayload.FamilyStatuses);
        var verval = r.RequiredEnum("verval_status", SocialAidPayload.VervalStatuses);
        if (r.HasErrors)
        {
            return ItemResult.Rejected<SocialAidFamily>(key, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var family = new SocialAidFamily
        {
            Id = key!,
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            Desil = desil!.Value,
            Programs = SocialAidMapping.Cap(programs!, 120),
            Status = SocialAidMapping.Cap(status!, 24),
            VervalStatus = SocialAidMapping.Cap(verval!, 24),
            GraduatedAt = status == "graduasi" ? updatedAt : null,
            UpdatedAt = updatedAt!.Value,
            Flags = SocialAidMapping.Flags(r, flags),
        };
        return ItemResult.Valid(family, family.Id, family.UpdatedAt, family.Flags is not null);
    }

    public bool SameContent(SocialAidFamily stored, SocialAidFamily incoming) => stored.SameContentAs(incoming);

    public void Apply(SocialAidFamily stored, SocialAidFamily incoming) => stored.CopyFrom(incoming);

    /// <summary>
    /// A family's desil, programmes, status or verval move the figures from the change on. A new family counts from
    /// its version's time; a withdrawn one or a move to another kelurahan also moves its disbursements' region, so
    /// the whole history is redone.
    /// </summary>
    public DateTimeOffset AffectedSince(SocialAidFamily? stored, SocialAidFamily? incoming)
    {
        if (incoming is null || (stored is not null && stored.KelurahanCode != incoming.KelurahanCode))
        {
            return SocialAidMapping.AllHistory;
        }
        return incoming.UpdatedAt;
    }
}

/// <summary>
/// Validates a disbursement. Its <c>family_id</c> is a registry id: stored as the same keyed hash as the family.
/// A tersalur payment needs its <c>disbursed_at</c>; a gagal one may lack a reason (shown as "not given").
/// </summary>
public sealed class SocialAidDisbursementsMapper(Pseudonymizer pseudonymizer) : ISourceMapper<SocialAidDisbursement>
{
    public string Resource => SocialAidPayload.Disbursements;

    /// <summary>Not <c>family_id</c> (a registry id).</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "program", "stage", "amount", "status", "disbursed_at",
    };

    public ItemResult<SocialAidDisbursement> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        if (id is { Length: > 64 })
        {
            r.Error("id: lebih dari 64 karakter");
            id = null;
        }
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<SocialAidDisbursement>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<SocialAidDisbursement>(id!, updatedAt!.Value);
        }
        var family = SocialAidMapping.FamilyKey(r, pseudonymizer, "family_id");
        var program = r.RequiredEnum("program", SocialAidPayload.Programs);
        var stage = r.RequiredString("stage");
        if (stage is not null && !AidStage.TryParse(stage, out _))
        {
            r.Error("stage: bukan tahap (2026-T3)");
        }
        var amount = SocialAidMapping.RequiredMoney(item, r, "amount");
        var status = r.RequiredEnum("status", SocialAidPayload.DisbursementStatuses);
        var reason = r.OptionalString("failure_reason");
        var disbursed = r.OptionalTimestamp("disbursed_at");
        if (status == "tersalur" && disbursed is null && !r.HasErrors)
        {
            r.Error("disbursed_at: wajib untuk status tersalur");
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<SocialAidDisbursement>(id, updatedAt, r.Errors);
        }
        var row = new SocialAidDisbursement
        {
            Id = id!,
            FamilyKey = family!,
            Program = SocialAidMapping.Cap(program!, 24),
            Stage = stage!,
            Amount = amount!.Value,
            Status = SocialAidMapping.Cap(status!, 24),
            // A reason is only meaningful for a failure; a successful retry clears it.
            // Free text: only the system's known reasons are kept, anything else (a name, a phone number…) is "lainnya".
            FailureReason = status == "gagal" && reason is not null ? SocialAidPayload.KnownFailureReason(reason.Trim()) : null,
            DisbursedAt = disbursed,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(SocialAidDisbursement stored, SocialAidDisbursement incoming) => stored.SameContentAs(incoming);

    public void Apply(SocialAidDisbursement stored, SocialAidDisbursement incoming) => stored.CopyFrom(incoming);

    /// <summary>A payment moves the figures from the day it was paid (or failed, or was scheduled) on.</summary>
    public DateTimeOffset AffectedSince(SocialAidDisbursement? stored, SocialAidDisbursement? incoming)
    {
        var earliest = DateTimeOffset.MaxValue;
        foreach (var d in new[] { stored, incoming })
        {
            if (d is null)
            {
                continue;
            }
            var at = d.DisbursedAt is { } paid && paid < d.UpdatedAt ? paid : d.UpdatedAt;
            if (at < earliest)
            {
                earliest = at;
            }
        }
        return earliest;
    }
}

internal static class SocialAidMapping
{
    /// <summary>
    /// A change that may move every day of the history (a family withdrawn or moved): the KPIs clamp it to the
    /// first day with data. Not a plausible date of anything in the payloads.
    /// </summary>
    public static readonly DateTimeOffset AllHistory = Shared.Ingest.SourceHistory.All;

    /// <summary>The keyed hash of a registry id; the id itself never appears in a reason.</summary>
    public static string? FamilyKey(ItemReader r, Pseudonymizer pseudonymizer, string field)
    {
        var id = r.RequiredString(field);
        if (id is null)
        {
            return null;
        }
        if (id.Length > 64)
        {
            r.Error($"{field}: lebih dari 64 karakter");
            return null;
        }
        return pseudonymizer.Hash(SocialAidPayload.FamilyPurpose, id);
    }

    public static int? RequiredInt(ItemReader r, string field, int min, int max)
    {
        var before = r.Errors;
        var value = r.OptionalInt(field, min, max);
        if (value is null && r.Errors == before)
        {
            r.Error($"{field}: wajib diisi");
        }
        return value;
    }

    /// <summary>Whole rupiah, 0 or more.</summary>
    public static long? RequiredMoney(JsonElement item, ItemReader r, string field)
    {
        if (item.ValueKind != JsonValueKind.Object)
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
        if (value < 0)
        {
            r.Error($"{field}: negatif");
            return null;
        }
        return value;
    }

    /// <summary>The programme list as stored (<see cref="SocialAidPayload.JoinPrograms"/>); unknown programmes flag the field.</summary>
    public static string? Programs(JsonElement item, ItemReader r, List<string> flags)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (!item.TryGetProperty("programs", out var e))
        {
            r.Error("programs: tidak ada");
            return null;
        }
        if (e.ValueKind != JsonValueKind.Array)
        {
            r.Error(e.ValueKind == JsonValueKind.Null ? "programs: wajib diisi (boleh daftar kosong)" : $"programs: bukan daftar ({e.ValueKind})");
            return null;
        }
        var programs = new List<string>();
        foreach (var p in e.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
            {
                r.Error($"programs: berisi nilai bukan kode program ({p.ValueKind})");
                return null;
            }
            var program = p.GetString()!.Trim();
            if (!SocialAidPayload.Programs.Contains(program))
            {
                if (!flags.Contains("programs"))
                {
                    flags.Add("programs");
                }
                program = ItemReader.Neutral(program);
            }
            programs.Add(Cap(program, 24));
        }
        return SocialAidPayload.JoinPrograms(programs);
    }

    public static string? Flags(ItemReader r, List<string> more) =>
        more.Count == 0 ? r.Flags : r.Flags is null ? string.Join(',', more) : r.Flags + "," + string.Join(',', more);

    public static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
