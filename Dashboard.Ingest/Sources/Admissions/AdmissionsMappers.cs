using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>
/// Validates a school: an NPSN id, its level, ownership and kelurahan, and a quota with four whole, non-negative seat
/// counts. Unknown levels, ownerships and kelurahan codes are kept and flagged (an unknown kelurahan only lacks a
/// region); a broken quota or id is rejected. A school's name is public and kept.
/// </summary>
public sealed class AdmissionsSchoolsMapper : ISourceMapper<AdmissionSchool>
{
    public const int MaxQuota = 5_000;

    public string Resource => AdmissionsPayload.Schools;

    /// <summary>Every field of the contract but the free-text <c>name</c>: none is personal.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "level", "ownership", "kelurahan_code", "quota",
    };

    public ItemResult<AdmissionSchool> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredString("id");
        if (id is not null && !AdmissionsPayload.IsNpsn(id))
        {
            r.Error("id: bukan NPSN 8 digit");
            id = null;
        }
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<AdmissionSchool>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<AdmissionSchool>(id!, updatedAt!.Value);
        }
        var name = r.RequiredString("name");
        var level = r.RequiredEnum("level", AdmissionsPayload.Levels);
        var ownership = r.RequiredEnum("ownership", AdmissionsPayload.Ownerships);
        var kelurahan = r.RequiredString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var quota = AdmissionsMapping.Quota(r, item);
        if (r.HasErrors)
        {
            return ItemResult.Rejected<AdmissionSchool>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var school = new AdmissionSchool
        {
            Id = id!,
            // A school's name (not a person's), free text all the same: digit runs that could be a NIK or phone go.
            Name = AdmissionsMapping.Cap(PersonalData.ScrubDigits(name!), 120),
            Level = AdmissionsMapping.Cap(level!, 16),
            Ownership = AdmissionsMapping.Cap(ownership!, 16),
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            QuotaDomisili = quota![0],
            QuotaAfirmasi = quota[1],
            QuotaMutasi = quota[2],
            QuotaPrestasi = quota[3],
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(school, school.Id, school.UpdatedAt, school.Flags is not null);
    }

    public bool SameContent(AdmissionSchool stored, AdmissionSchool incoming) => stored.SameContentAs(incoming);

    public void Apply(AdmissionSchool stored, AdmissionSchool incoming) => stored.CopyFrom(incoming);

    /// <summary>
    /// Seats, level, ownership and place are read for every day of the history (the contract has no quota per year), so
    /// a change to any of them, a new school or a closed one, moves every day; a renamed school moves nothing.
    /// </summary>
    public DateTimeOffset AffectedSince(AdmissionSchool? stored, AdmissionSchool? incoming)
    {
        if (stored is not null && incoming is not null && stored.Level == incoming.Level && stored.Ownership == incoming.Ownership &&
            stored.KelurahanCode == incoming.KelurahanCode && stored.QuotaDomisili == incoming.QuotaDomisili &&
            stored.QuotaAfirmasi == incoming.QuotaAfirmasi && stored.QuotaMutasi == incoming.QuotaMutasi &&
            stored.QuotaPrestasi == incoming.QuotaPrestasi)
        {
            return incoming.UpdatedAt;
        }
        return AdmissionsPayload.AllHistory;
    }
}

/// <summary>
/// Validates an application and keeps what reporting needs. The applicant's NIK becomes a keyed hash (the join
/// between one child's applications on several routes); <c>applicant.name</c> and <c>applicant.birth_date</c> are
/// never read. A placed status (diterima, daftar_ulang) needs a placed school; choices are one to seven NPSN.
/// Unknown levels, routes, statuses and kelurahan codes are kept and flagged; wrong types are rejected.
/// </summary>
public sealed class AdmissionsApplicationsMapper(Pseudonymizer pseudonymizer) : ISourceMapper<AdmissionApplication>
{
    public const int MaxChoices = 7;

    public string Resource => AdmissionsPayload.Applications;

    /// <summary>The contract's non-personal fields: not <c>applicant</c> (NIK, name, birth date).</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "year", "level", "route", "choices", "home_kelurahan_code", "status",
        "placed_school_id", "submitted_at",
    };

    public ItemResult<AdmissionApplication> Map(JsonElement item)
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
                ? ItemResult.Rejected<AdmissionApplication>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<AdmissionApplication>(id!, updatedAt!.Value);
        }
        var year = r.OptionalInt("year", 2000, 2100);
        if (year is null && !r.HasErrors)
        {
            r.Error("year: wajib diisi");
        }
        var level = r.RequiredEnum("level", AdmissionsPayload.Levels);
        var route = r.RequiredEnum("route", AdmissionsPayload.Routes);
        var choices = AdmissionsMapping.Choices(r, item);
        var applicant = AdmissionsMapping.ApplicantKey(r, item, pseudonymizer);
        var home = r.RequiredString("home_kelurahan_code");
        if (home is not null && !ReferenceData.IsKelurahan(home))
        {
            r.OptionalCode("home_kelurahan_code", ReferenceData.IsKelurahan);
        }
        var status = r.RequiredEnum("status", AdmissionsPayload.Statuses);
        var placed = r.OptionalString("placed_school_id");
        if (placed is not null && !AdmissionsPayload.IsNpsn(placed))
        {
            r.Error("placed_school_id: bukan NPSN 8 digit");
        }
        if (status is not null && AdmissionsPayload.Placed(status) && placed is null && !r.HasErrors)
        {
            r.Error($"placed_school_id: wajib untuk status {status}");
        }
        var submitted = r.RequiredTimestamp("submitted_at");
        if (submitted is { } s && updatedAt is { } u && u < s)
        {
            r.Error("updated_at: sebelum submitted_at");
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<AdmissionApplication>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(home);
        var application = new AdmissionApplication
        {
            Id = id!,
            Year = year!.Value,
            Level = AdmissionsMapping.Cap(level!, 16),
            Route = AdmissionsMapping.Cap(route!, 24),
            Choices = string.Join(',', choices!),
            FirstChoice = choices![0],
            ApplicantKey = applicant!,
            HomeKelurahanCode = known ? home : null,
            HomeKecamatanCode = known ? ReferenceData.KecamatanOf(home) : null,
            Status = AdmissionsMapping.Cap(status!, 24),
            PlacedSchoolId = placed,
            SubmittedAt = submitted!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(application, application.Id, application.UpdatedAt, application.Flags is not null);
    }

    public bool SameContent(AdmissionApplication stored, AdmissionApplication incoming) => stored.SameContentAs(incoming);

    public void Apply(AdmissionApplication stored, AdmissionApplication incoming) => stored.CopyFrom(incoming);

    /// <summary>
    /// A new, withdrawn or re-classified application counts from its submission on. A status or placement change
    /// counts from its own <c>updated_at</c>: the indicators read a status on the days after it was served, so the
    /// days before keep the status they were computed with.
    /// </summary>
    public DateTimeOffset AffectedSince(AdmissionApplication? stored, AdmissionApplication? incoming)
    {
        if (stored is null || incoming is null)
        {
            return (stored ?? incoming)!.SubmittedAt;
        }
        if (stored.Year != incoming.Year || stored.Level != incoming.Level || stored.Route != incoming.Route ||
            stored.Choices != incoming.Choices || stored.ApplicantKey != incoming.ApplicantKey ||
            stored.HomeKelurahanCode != incoming.HomeKelurahanCode || stored.SubmittedAt != incoming.SubmittedAt)
        {
            return stored.SubmittedAt < incoming.SubmittedAt ? stored.SubmittedAt : incoming.SubmittedAt;
        }
        return stored.UpdatedAt < incoming.UpdatedAt ? stored.UpdatedAt : incoming.UpdatedAt;
    }
}

internal static class AdmissionsMapping
{
    /// <summary>The four route quotas (domisili, afirmasi, mutasi, prestasi), or null after recording what is wrong.</summary>
    public static int[]? Quota(ItemReader r, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("quota", out var quota))
        {
            r.Error("quota: tidak ada");
            return null;
        }
        if (quota.ValueKind != JsonValueKind.Object)
        {
            r.Error($"quota: bukan objek ({quota.ValueKind})");
            return null;
        }
        var values = new int[AdmissionsPayload.RouteOrder.Count];
        var ok = true;
        for (var i = 0; i < values.Length; i++)
        {
            var route = AdmissionsPayload.RouteOrder[i];
            if (!quota.TryGetProperty(route, out var v))
            {
                r.Error($"quota.{route}: tidak ada");
                ok = false;
            }
            else if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out values[i]))
            {
                r.Error($"quota.{route}: bukan bilangan bulat ({v.ValueKind})");
                ok = false;
            }
            else if (values[i] is < 0 or > AdmissionsSchoolsMapper.MaxQuota)
            {
                r.Error(string.Create(CultureInfo.InvariantCulture, $"quota.{route}: di luar rentang 0–{AdmissionsSchoolsMapper.MaxQuota}"));
                ok = false;
            }
        }
        return ok ? values : null;
    }

    /// <summary>The chosen schools' NPSN in order, or null after recording what is wrong.</summary>
    public static List<string>? Choices(ItemReader r, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("choices", out var choices))
        {
            r.Error("choices: tidak ada");
            return null;
        }
        if (choices.ValueKind != JsonValueKind.Array)
        {
            r.Error($"choices: bukan daftar ({choices.ValueKind})");
            return null;
        }
        var list = new List<string>();
        foreach (var c in choices.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.String || !AdmissionsPayload.IsNpsn(c.GetString()))
            {
                r.Error("choices: berisi nilai yang bukan NPSN 8 digit");
                return null;
            }
            list.Add(c.GetString()!);
        }
        if (list.Count == 0)
        {
            r.Error("choices: kosong");
            return null;
        }
        if (list.Count > AdmissionsApplicationsMapper.MaxChoices)
        {
            r.Error($"choices: lebih dari {AdmissionsApplicationsMapper.MaxChoices} sekolah");
            return null;
        }
        return list;
    }

    /// <summary>The keyed hash of <c>applicant.nik</c>; the NIK itself never appears in a reason.</summary>
    public static string? ApplicantKey(ItemReader r, JsonElement item, Pseudonymizer pseudonymizer)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("applicant", out var applicant))
        {
            r.Error("applicant: tidak ada");
            return null;
        }
        if (applicant.ValueKind != JsonValueKind.Object)
        {
            r.Error($"applicant: bukan objek ({applicant.ValueKind})");
            return null;
        }
        if (!applicant.TryGetProperty("nik", out var nik) || nik.ValueKind != JsonValueKind.String || !AdmissionsPayload.IsNik(nik.GetString()))
        {
            r.Error("applicant.nik: tidak ada atau bukan NIK 16 digit");
            return null;
        }
        return pseudonymizer.Hash(AdmissionsPayload.NikPurpose, nik.GetString()!);
    }

    public static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
