using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>
/// Validates an employee and keeps what reporting needs. The NIP (<c>id</c>) is replaced by its keyed hash, also as
/// the item id of a rejected item; <c>name</c>, <c>nik</c> and <c>birth_date</c> are never read. Unknown agency,
/// ASN type, rank group, position type or status values are kept and flagged; wrong types are rejected.
/// </summary>
public sealed class StaffingEmployeesMapper(Pseudonymizer pseudonymizer) : ISourceMapper<StaffingEmployee>
{
    public string Resource => StaffingPayload.Employees;

    /// <summary>The non-personal contract fields: not <c>id</c> (the NIP), <c>name</c>, <c>nik</c> or <c>birth_date</c>.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "updated_at", "deleted", "agency_code", "asn_type", "rank_group", "position_type", "retirement_date", "status",
    };

    public ItemResult<StaffingEmployee> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var key = StaffingMapping.NipKey(r, pseudonymizer, "id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<StaffingEmployee>(key, updatedAt, r.Errors)
                : ItemResult.Tombstone<StaffingEmployee>(key!, updatedAt!.Value);
        }
        // An unknown agency is still counted city-wide; it only lacks an OPD scope.
        var agency = r.RequiredCode("agency_code", ReferenceData.IsAgency);
        var asnType = r.RequiredEnum("asn_type", StaffingPayload.AsnTypes);
        var rank = r.RequiredEnum("rank_group", StaffingPayload.RankGroups);
        var position = r.RequiredEnum("position_type", StaffingPayload.PositionTypes);
        var retirement = StaffingMapping.RequiredDate(r, "retirement_date");
        var status = r.RequiredEnum("status", StaffingPayload.EmployeeStatuses);
        if (r.HasErrors)
        {
            return ItemResult.Rejected<StaffingEmployee>(key, updatedAt, r.Errors);
        }
        var employee = new StaffingEmployee
        {
            Id = key!,
            AgencyCode = StaffingMapping.Cap(agency!, 24),
            AsnType = StaffingMapping.Cap(asnType!, 16),
            RankGroup = StaffingMapping.Cap(rank!, 16),
            PositionType = StaffingMapping.Cap(position!, 24),
            RetirementMonth = new DateOnly(retirement!.Value.Year, retirement.Value.Month, 1),
            Status = StaffingMapping.Cap(status!, 24),
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(employee, employee.Id, employee.UpdatedAt, employee.Flags is not null);
    }

    public bool SameContent(StaffingEmployee stored, StaffingEmployee incoming) => stored.SameContentAs(incoming);

    public void Apply(StaffingEmployee stored, StaffingEmployee incoming) => stored.CopyFrom(incoming);

    public DateTimeOffset AffectedSince(StaffingEmployee? stored, StaffingEmployee? incoming)
    {
        if (stored is null || incoming is null)
        {
            // The contract has no appointment date: an employee counts over the whole history.
            return StaffingPayload.AllHistory;
        }
        if (stored.AgencyCode != incoming.AgencyCode || stored.AsnType != incoming.AsnType || stored.RankGroup != incoming.RankGroup ||
            stored.PositionType != incoming.PositionType || stored.RetirementMonth != incoming.RetirementMonth)
        {
            return StaffingPayload.AllHistory;
        }
        var before = StaffingPayload.ServiceEnd(stored.Status, stored.RetirementMonth, stored.UpdatedAt);
        var after = StaffingPayload.ServiceEnd(incoming.Status, incoming.RetirementMonth, incoming.UpdatedAt);
        if (before == after)
        {
            // aktif ↔ cuti (or an unknown status): no indicator of an earlier day reads it.
            return incoming.UpdatedAt;
        }
        var earliest = before is null ? after!.Value : after is null ? before.Value : (before < after ? before.Value : after.Value);
        return earliest == DateOnly.MinValue ? StaffingPayload.AllHistory : Wib.StartOf(earliest);
    }
}

/// <summary>
/// Validates an attendance item. Its <c>id</c> embeds the NIP, so both are stored as keyed hashes; hadir and
/// terlambat need a check-in time on the item's date.
/// </summary>
public sealed class StaffingAttendanceMapper(Pseudonymizer pseudonymizer) : ISourceMapper<StaffingAttendance>
{
    public string Resource => StaffingPayload.Attendance;

    /// <summary>Not <c>id</c> nor <c>nip</c> (personal keys).</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "updated_at", "deleted", "date", "status", "check_in_at",
    };

    public ItemResult<StaffingAttendance> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var rawId = r.RequiredString("id");
        var id = rawId is null ? null : StaffingMapping.RecordKey(pseudonymizer, StaffingPayload.AttendanceIdPurpose, rawId);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<StaffingAttendance>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<StaffingAttendance>(id!, updatedAt!.Value);
        }
        var nip = StaffingMapping.NipKey(r, pseudonymizer, "nip");
        var date = StaffingMapping.RequiredDate(r, "date");
        var status = r.RequiredEnum("status", StaffingPayload.AttendanceStatuses);
        var checkIn = r.OptionalTimestamp("check_in_at");
        if (status is "hadir" or "terlambat" && checkIn is null && !r.HasErrors)
        {
            r.Error($"check_in_at: wajib untuk status {status}");
        }
        if (checkIn is { } c && date is { } d && Wib.DateOf(c) != d)
        {
            r.Error("check_in_at: tidak pada tanggal date");
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<StaffingAttendance>(id, updatedAt, r.Errors);
        }
        var row = new StaffingAttendance
        {
            Id = id!,
            NipKey = nip!,
            Date = date!.Value,
            Status = StaffingMapping.Cap(status!, 24),
            CheckInAt = checkIn,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(row, row.Id, row.UpdatedAt, row.Flags is not null);
    }

    public bool SameContent(StaffingAttendance stored, StaffingAttendance incoming) => stored.SameContentAs(incoming);

    public void Apply(StaffingAttendance stored, StaffingAttendance incoming) => stored.CopyFrom(incoming);

    /// <summary>A day's attendance moves that day's figures (and the non-working days that repeat it).</summary>
    public DateTimeOffset AffectedSince(StaffingAttendance? stored, StaffingAttendance? incoming)
    {
        var day = stored is null ? incoming!.Date : incoming is null || stored.Date < incoming.Date ? stored.Date : incoming.Date;
        return Wib.StartOf(day);
    }
}

/// <summary>Validates an evaluation (SKP). Its <c>id</c> embeds the NIP: stored as a keyed hash, like the NIP.</summary>
public sealed class StaffingPerformanceMapper(Pseudonymizer pseudonymizer) : ISourceMapper<StaffingEvaluation>
{
    public string Resource => StaffingPayload.Performance;

    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "updated_at", "deleted", "period", "rating", "submitted_at",
    };

    public ItemResult<StaffingEvaluation> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var rawId = r.RequiredString("id");
        var id = rawId is null ? null : StaffingMapping.RecordKey(pseudonymizer, StaffingPayload.PerformanceIdPurpose, rawId);
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<StaffingEvaluation>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<StaffingEvaluation>(id!, updatedAt!.Value);
        }
        var nip = StaffingMapping.NipKey(r, pseudonymizer, "nip");
        var period = r.RequiredString("period");
        if (period is not null && !EvaluationPeriod.TryParse(period, out _))
        {
            r.Error("period: bukan periode (2026-Q3 atau 2026)");
        }
        var rating = r.RequiredEnum("rating", StaffingPayload.Ratings);
        var submitted = r.RequiredTimestamp("submitted_at");
        if (r.HasErrors)
        {
            return ItemResult.Rejected<StaffingEvaluation>(id, updatedAt, r.Errors);
        }
        var evaluation = new StaffingEvaluation
        {
            Id = id!,
            NipKey = nip!,
            Period = period!,
            Rating = StaffingMapping.Cap(rating!, 24),
            SubmittedAt = submitted!.Value,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(evaluation, evaluation.Id, evaluation.UpdatedAt, evaluation.Flags is not null);
    }

    public bool SameContent(StaffingEvaluation stored, StaffingEvaluation incoming) => stored.SameContentAs(incoming);

    public void Apply(StaffingEvaluation stored, StaffingEvaluation incoming) => stored.CopyFrom(incoming);

    /// <summary>An evaluation counts from the day it was submitted on.</summary>
    public DateTimeOffset AffectedSince(StaffingEvaluation? stored, StaffingEvaluation? incoming)
    {
        if (stored is null || incoming is null)
        {
            return (stored ?? incoming)!.SubmittedAt;
        }
        return stored.SubmittedAt < incoming.SubmittedAt ? stored.SubmittedAt : incoming.SubmittedAt;
    }
}

internal static class StaffingMapping
{
    /// <summary>
    /// The stored key of a record whose id embeds an NIP (<c>PRS-20260102-{nip}</c>, <c>SKP-2026-Q3-{nip}</c>): the id
    /// with its 18-digit NIP replaced by the NIP's keyed hash (the same token as <c>NipKey</c>), the rest kept. Keys
    /// then sort by date like the source's ids, so a load appends to the key index instead of writing all over it (a
    /// whole-id hash made every commit rewrite thousands of random index pages). Derived from the id alone, so a
    /// tombstone finds its record. An id without exactly one such NIP, or one whose key would not fit the column, is
    /// hashed whole under <paramref name="purpose"/>.
    /// </summary>
    public static string RecordKey(Pseudonymizer pseudonymizer, string purpose, string rawId)
    {
        var id = rawId.Trim();
        (int Start, int End)? nip = null;
        for (var start = 0; start < id.Length; start++)
        {
            if (!char.IsAsciiDigit(id[start]))
            {
                continue;
            }
            var end = start;
            while (end < id.Length && char.IsAsciiDigit(id[end]))
            {
                end++;
            }
            if (end - start == 18)
            {
                if (nip is not null)
                {
                    // Two NIP-like runs: not the contract's shape, and keeping either in clear is not an option.
                    return pseudonymizer.Hash(purpose, id);
                }
                nip = (start, end);
            }
            start = end;
        }
        if (nip is not { } run || id.Length - 18 + TokenLength > MaxKeyLength)
        {
            return pseudonymizer.Hash(purpose, id);
        }
        return string.Concat(id.AsSpan(0, run.Start), pseudonymizer.HashRecurring(StaffingPayload.NipPurpose, id.AsSpan(run.Start, 18)), id.AsSpan(run.End));
    }

    /// <summary>The stored key's column width (<c>HasMaxLength(64)</c>).</summary>
    public const int MaxKeyLength = 64;

    private const int TokenLength = 26;

    /// <summary>The keyed hash of an 18-digit NIP field; the NIP itself never appears in a reason.</summary>
    public static string? NipKey(ItemReader r, Pseudonymizer pseudonymizer, string field)
    {
        var nip = r.RequiredString(field);
        if (nip is null)
        {
            return null;
        }
        if (!StaffingPayload.IsNip(nip))
        {
            r.Error($"{field}: bukan NIP 18 digit");
            return null;
        }
        return pseudonymizer.HashRecurring(StaffingPayload.NipPurpose, nip);
    }

    public static DateOnly? RequiredDate(ItemReader r, string field)
    {
        var text = r.RequiredString(field);
        if (text is null)
        {
            return null;
        }
        if (!IsoTime.TryParseDate(text, out var date))
        {
            r.Error($"{field}: bukan tanggal yyyy-MM-dd");
            return null;
        }
        return date;
    }

    public static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
