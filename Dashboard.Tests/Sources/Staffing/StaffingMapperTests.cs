using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Staffing;

namespace Dashboard.Tests.Sources.Staffing;

public sealed class StaffingMapperTests
{
    private const string Nip = "197105172000031002";
    private const string Name = "Sri Wahyuni Handayani";
    private const string Nik = "3573055705710003";
    private const string BirthDate = "1971-05-17";
    private static readonly Pseudonymizer Pseudonymizer = new(Encoding.UTF8.GetBytes("test-pseudonym-key-0123456789abcdef"));
    private readonly StaffingEmployeesMapper _employees = new(Pseudonymizer);
    private readonly StaffingAttendanceMapper _attendance = new(Pseudonymizer);
    private readonly StaffingPerformanceMapper _performance = new(Pseudonymizer);

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    internal static JsonObject Employee(string nip = Nip, string status = "aktif") => new()
    {
        ["id"] = nip, ["name"] = Name, ["nik"] = Nik, ["agency_code"] = "DISDIKBUD", ["asn_type"] = "PNS",
        ["rank_group"] = "III/a", ["position_type"] = "fungsional", ["birth_date"] = BirthDate,
        ["retirement_date"] = "2031-06-01", ["status"] = status, ["updated_at"] = "2026-10-06T08:00:00+07:00",
    };

    internal static JsonObject AttendanceItem(string status = "hadir", string? checkIn = "2026-10-06T07:12:40+07:00") => new()
    {
        ["id"] = $"PRS-20261006-{Nip}", ["nip"] = Nip, ["date"] = "2026-10-06", ["status"] = status,
        ["check_in_at"] = checkIn, ["updated_at"] = "2026-10-06T07:12:40+07:00",
    };

    internal static JsonObject Evaluation(string period = "2026-Q3", string rating = "baik") => new()
    {
        ["id"] = $"SKP-{period}-{Nip}", ["nip"] = Nip, ["period"] = period, ["rating"] = rating,
        ["submitted_at"] = "2026-10-05T10:00:00+07:00", ["updated_at"] = "2026-10-05T10:00:00+07:00",
    };

    private static void AssertNoPersonalData(object? entity, string? quarantined = null)
    {
        foreach (var text in new[] { entity is null ? "" : JsonSerializer.Serialize(entity), quarantined ?? "" })
        {
            foreach (var personal in new[] { Nip, Name, Nik, BirthDate, "19710517" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Employee_Valid_IsKeyedByTheHashedNip_WithoutPersonalData()
    {
        var r = _employees.Map(Parse(Employee()));

        Assert.Equal(ItemKind.Valid, r.Kind);
        var e = r.Entity!;
        Assert.Equal(Pseudonymizer.Hash("nip", Nip), e.Id);
        Assert.Equal(e.Id, r.Id);
        Assert.Equal(new DateOnly(2031, 6, 1), e.RetirementMonth);
        Assert.Equal("DISDIKBUD", e.AgencyCode);
        Assert.Null(e.Flags);
        AssertNoPersonalData(e, PersonalData.Redact(Parse(Employee()), _employees.StoredFields));
    }

    [Fact]
    public void Attendance_AndEvaluation_HashTheirIdsAndNip()
    {
        var a = _attendance.Map(Parse(AttendanceItem()));
        var p = _performance.Map(Parse(Evaluation()));

        Assert.Equal(ItemKind.Valid, a.Kind);
        Assert.Equal(Pseudonymizer.Hash("nip", Nip), a.Entity!.NipKey);
        Assert.Equal(new DateOnly(2026, 10, 6), a.Entity.Date);
        Assert.Equal(ItemKind.Valid, p.Kind);
        Assert.Equal(a.Entity.NipKey, p.Entity!.NipKey);
        AssertNoPersonalData(a.Entity, PersonalData.Redact(Parse(AttendanceItem()), _attendance.StoredFields));
        AssertNoPersonalData(p.Entity, PersonalData.Redact(Parse(Evaluation()), _performance.StoredFields));
    }

    public static TheoryData<string, string, string> KnownValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var v in StaffingPayload.AsnTypes) { data.Add("employees", "asn_type", v); }
        foreach (var v in StaffingPayload.RankGroups) { data.Add("employees", "rank_group", v); }
        foreach (var v in StaffingPayload.PositionTypes) { data.Add("employees", "position_type", v); }
        foreach (var v in StaffingPayload.EmployeeStatuses) { data.Add("employees", "status", v); }
        foreach (var v in StaffingPayload.AttendanceStatuses) { data.Add("attendance", "status", v); }
        foreach (var v in StaffingPayload.Ratings) { data.Add("performance", "rating", v); }
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void EveryContractEnumValue_IsValidAndNotFlagged(string resource, string field, string value)
    {
        var (kind, flagged, _) = MapWith(resource, field, value);

        Assert.Equal(ItemKind.Valid, kind);
        Assert.False(flagged);
    }

    [Theory]
    [InlineData("employees", "asn_type", "PPPK_PARUH_WAKTU")]
    [InlineData("employees", "rank_group", "V/a")]
    [InlineData("employees", "position_type", "jpt")]
    [InlineData("employees", "status", "tugas_belajar")]
    [InlineData("employees", "agency_code", "DINAS_BARU")]
    [InlineData("attendance", "status", "izin")]
    [InlineData("performance", "rating", "istimewa")]
    public void UnknownEnumValue_KeepsTheRowAndFlagsIt(string resource, string field, string value)
    {
        var (kind, flagged, flags) = MapWith(resource, field, value);

        Assert.Equal(ItemKind.Valid, kind);
        Assert.True(flagged);
        Assert.Contains(field, flags, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EveryField() => new()
    {
        { "employees", "id" }, { "employees", "agency_code" }, { "employees", "asn_type" }, { "employees", "rank_group" },
        { "employees", "position_type" }, { "employees", "retirement_date" }, { "employees", "status" }, { "employees", "updated_at" },
        { "attendance", "id" }, { "attendance", "nip" }, { "attendance", "date" }, { "attendance", "status" },
        { "attendance", "check_in_at" }, { "attendance", "updated_at" },
        { "performance", "id" }, { "performance", "nip" }, { "performance", "period" }, { "performance", "rating" },
        { "performance", "submitted_at" }, { "performance", "updated_at" },
    };

    [Theory]
    [MemberData(nameof(EveryField))]
    public void MissingField_IsRejected_AndTheReasonNamesIt(string resource, string field)
    {
        var item = Item(resource);
        item.Remove(field);

        var (result, redacted) = MapFull(resource, item);

        Assert.Equal(ItemKind.Rejected, result.Kind);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
        AssertNoPersonalData(null, result.Reason + redacted + result.Id);
    }

    [Theory]
    [MemberData(nameof(EveryField))]
    public void WronglyTypedField_IsRejected(string resource, string field)
    {
        var item = Item(resource);
        item[field] = 1_700_000_123;

        var (result, redacted) = MapFull(resource, item);

        Assert.Equal(ItemKind.Rejected, result.Kind);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
        AssertNoPersonalData(null, result.Reason + redacted + result.Id);
    }

    [Theory]
    [InlineData("employees", "id", "19710517200003100")]
    [InlineData("employees", "retirement_date", "01-06-2031")]
    [InlineData("attendance", "nip", "NIP197105172000031002")]
    [InlineData("attendance", "date", "2026/10/06")]
    [InlineData("attendance", "check_in_at", "2026-10-05T07:10:00+07:00")]
    [InlineData("performance", "period", "2026-Q5")]
    [InlineData("performance", "submitted_at", "2026-10-05 10:00")]
    public void BadValue_IsRejected(string resource, string field, string value)
    {
        var item = Item(resource);
        item[field] = value;

        var (result, redacted) = MapFull(resource, item);

        Assert.Equal(ItemKind.Rejected, result.Kind);
        AssertNoPersonalData(null, result.Reason + redacted + result.Id);
    }

    [Theory]
    [InlineData("hadir")]
    [InlineData("terlambat")]
    public void CheckInIsRequired_ForPresentStatuses_AndNullAllowedOtherwise(string status)
    {
        Assert.Equal(ItemKind.Rejected, _attendance.Map(Parse(AttendanceItem(status, null))).Kind);
        Assert.Equal(ItemKind.Valid, _attendance.Map(Parse(AttendanceItem("sakit", null))).Kind);
    }

    [Fact]
    public void Tombstones_CarryTheHashedId()
    {
        var employee = _employees.Map(Parse(new JsonObject { ["id"] = Nip, ["updated_at"] = "2026-10-06T08:00:00+07:00", ["deleted"] = true }));
        var attendance = _attendance.Map(Parse(new JsonObject { ["id"] = $"PRS-20261006-{Nip}", ["updated_at"] = "2026-10-06T08:00:00+07:00", ["deleted"] = true }));

        Assert.Equal(ItemKind.Tombstone, employee.Kind);
        Assert.Equal(Pseudonymizer.Hash("nip", Nip), employee.Id);
        Assert.Equal(ItemKind.Tombstone, attendance.Kind);
        Assert.DoesNotContain(Nip, attendance.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_keys_keep_the_id_but_its_nip_and_sort_by_date()
    {
        var token = Pseudonymizer.Hash("nip", Nip);
        var valid = _attendance.Map(Parse(AttendanceItem()));
        var tombstone = _attendance.Map(Parse(new JsonObject { ["id"] = $"PRS-20261006-{Nip}", ["updated_at"] = "2026-10-07T08:00:00+07:00", ["deleted"] = true }));
        var duplicate = AttendanceItem();
        duplicate["id"] = $"PRS-20261006-{Nip}-2";
        var later = AttendanceItem();
        later["id"] = $"PRS-20261007-{Nip}";
        later["date"] = "2026-10-07";
        later["check_in_at"] = "2026-10-07T07:12:40+07:00";
        var evaluation = _performance.Map(Parse(Evaluation()));
        var odd = _attendance.Map(Parse(new JsonObject { ["id"] = "PRS-tanpa-nip", ["updated_at"] = "2026-10-06T08:00:00+07:00", ["deleted"] = true }));

        Assert.Equal($"PRS-20261006-{token}", valid.Id);
        Assert.Equal(valid.Id, valid.Entity!.Id);
        Assert.Equal(valid.Id, tombstone.Id);
        Assert.Equal($"PRS-20261006-{token}-2", _attendance.Map(Parse(duplicate)).Id);
        Assert.True(string.CompareOrdinal(valid.Id, _attendance.Map(Parse(later)).Id) < 0);
        Assert.Equal($"SKP-2026-Q3-{token}", evaluation.Id);
        Assert.Equal(Pseudonymizer.Hash(StaffingPayload.AttendanceIdPurpose, "PRS-tanpa-nip"), odd.Id);
        Assert.DoesNotContain(Nip, valid.Id, StringComparison.Ordinal);
        Assert.True(valid.Id!.Length <= 64);
        // Two NIP-like runs, or a key too long for its column: the whole id is hashed (nothing kept in clear, nothing cut).
        var twice = $"PRS-{Nip}-{Nip}";
        var tooLong = $"PRS-20261006-{Nip}-" + new string('x', 40);
        Assert.Equal(Pseudonymizer.Hash(StaffingPayload.AttendanceIdPurpose, twice),
            _attendance.Map(Parse(new JsonObject { ["id"] = twice, ["updated_at"] = "2026-10-06T08:00:00+07:00", ["deleted"] = true })).Id);
        Assert.Equal(Pseudonymizer.Hash(StaffingPayload.AttendanceIdPurpose, tooLong),
            _attendance.Map(Parse(new JsonObject { ["id"] = tooLong, ["updated_at"] = "2026-10-06T08:00:00+07:00", ["deleted"] = true })).Id);
    }

    [Fact]
    public void Tokens_are_the_same_from_the_cache_and_from_a_fresh_pseudonymizer()
    {
        var fresh = new Pseudonymizer(Encoding.UTF8.GetBytes("test-pseudonym-key-0123456789abcdef"));
        var first = Pseudonymizer.Hash("nip", Nip);
        for (var i = 0; i < Pseudonymizer.CacheLimit + 10; i++)
        {
            Assert.Equal(fresh.Hash("nip", i.ToString("D18", System.Globalization.CultureInfo.InvariantCulture)),
                Pseudonymizer.HashRecurring("nip", i.ToString("D18", System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.Equal(first, Pseudonymizer.HashRecurring("nip", Nip));
        Assert.Equal(first, fresh.Hash("nip", Nip));
        Assert.NotEqual(first, fresh.Hash("npwpd", Nip));
    }

    [Fact]
    public void AffectedSince_IsAsEarlyAsTheChangeReaches()
    {
        var aktif = _employees.Map(Parse(Employee())).Entity!;
        var cuti = _employees.Map(Parse(Employee(status: "cuti"))).Entity!;
        var pensiun = _employees.Map(Parse(Employee(status: "pensiun"))).Entity!;
        var berhenti = _employees.Map(Parse(Employee(status: "berhenti"))).Entity!;

        Assert.Equal(StaffingPayload.AllHistory, _employees.AffectedSince(null, aktif));
        Assert.Equal(cuti.UpdatedAt, _employees.AffectedSince(aktif, cuti));
        Assert.Equal(Wib.StartOf(new DateOnly(2031, 6, 1)), _employees.AffectedSince(aktif, pensiun));
        // A resignation ends service on the day the source recorded it, not over the whole history.
        Assert.Equal(Wib.StartOf(Wib.DateOf(berhenti.UpdatedAt)), _employees.AffectedSince(aktif, berhenti));

        var late = _attendance.Map(Parse(AttendanceItem("terlambat", "2026-10-06T07:45:00+07:00"))).Entity!;
        Assert.Equal(Wib.StartOf(new DateOnly(2026, 10, 6)), _attendance.AffectedSince(null, late));
        var evaluation = _performance.Map(Parse(Evaluation())).Entity!;
        Assert.Equal(evaluation.SubmittedAt, _performance.AffectedSince(evaluation, evaluation));
    }

    [Fact]
    public void Periods_ParseAndHaveTheirDeadlines()
    {
        Assert.True(EvaluationPeriod.TryParse("2026-Q3", out var q3));
        Assert.Equal(new DateOnly(2026, 9, 30), q3.End);
        // Five working days after Wednesday 30 September: Wednesday 7 October.
        Assert.Equal(new DateOnly(2026, 10, 7), q3.DeadlineDay);
        Assert.True(EvaluationPeriod.TryParse("2026", out var year));
        Assert.Equal(new DateOnly(2027, 1, 31), year.DeadlineDay);
        Assert.Equal(new EvaluationPeriod(2026, 2), EvaluationPeriod.LatestDueQuarter(new DateOnly(2026, 10, 6)));
        Assert.Equal(q3, EvaluationPeriod.LatestDueQuarter(new DateOnly(2026, 10, 7)));
        Assert.False(EvaluationPeriod.TryParse("2026-3", out _));
    }

    private static JsonObject Item(string resource) => resource switch
    {
        "employees" => Employee(),
        "attendance" => AttendanceItem(),
        _ => Evaluation(),
    };

    private (ItemKind Kind, bool Flagged, string? Flags) MapWith(string resource, string field, string value)
    {
        var item = Item(resource);
        item[field] = value;
        if (resource == "attendance" && value is not ("hadir" or "terlambat"))
        {
            item["check_in_at"] = null;
        }
        var (result, _) = MapFull(resource, item);
        var flags = result.Entity switch
        {
            StaffingEmployee e => e.Flags,
            StaffingAttendance a => a.Flags,
            StaffingEvaluation p => p.Flags,
            _ => null,
        };
        return (result.Kind, result.Flagged, flags);
    }

    private (ItemResult<object> Result, string Redacted) MapFull(string resource, JsonObject item)
    {
        var element = Parse(item);
        return resource switch
        {
            "employees" => (Box(_employees.Map(element)), PersonalData.Redact(element, _employees.StoredFields)),
            "attendance" => (Box(_attendance.Map(element)), PersonalData.Redact(element, _attendance.StoredFields)),
            _ => (Box(_performance.Map(element)), PersonalData.Redact(element, _performance.StoredFields)),
        };
    }

    private static ItemResult<object> Box<T>(ItemResult<T> r) where T : class =>
        new(r.Kind, r.Id, r.UpdatedAt, r.Entity, r.Reason, r.Flagged);
}
