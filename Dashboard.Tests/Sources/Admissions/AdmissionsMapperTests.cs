using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Admissions;

namespace Dashboard.Tests.Sources.Admissions;

public sealed class AdmissionsMapperTests
{
    private const string Nik = "3573054607190003";
    private const string Name = "Aisyah Putri Ramadhani";
    private const string BirthDate = "2019-07-06";
    private static readonly Pseudonymizer Pseudonymizer = new(Encoding.UTF8.GetBytes("test-pseudonym-key-0123456789abcdef"));
    private readonly AdmissionsSchoolsMapper _schools = new();
    private readonly AdmissionsApplicationsMapper _applications = new(Pseudonymizer);

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    internal static JsonObject School() => new()
    {
        ["id"] = "20533121", ["name"] = "SD Negeri Kauman 1", ["level"] = "SD", ["ownership"] = "negeri",
        ["kelurahan_code"] = "35.73.02.1007",
        ["quota"] = new JsonObject { ["domisili"] = 63, ["afirmasi"] = 17, ["mutasi"] = 4, ["prestasi"] = 0 },
        ["updated_at"] = "2026-05-20T09:00:00+07:00",
    };

    internal static JsonObject Application(string status = "diterima", string? placed = "20533121") => new()
    {
        ["id"] = "SPMB-2026-SD-000123", ["year"] = 2026, ["level"] = "SD", ["route"] = "domisili",
        ["choices"] = new JsonArray("20533121", "20533158"),
        ["applicant"] = new JsonObject { ["nik"] = Nik, ["name"] = Name, ["birth_date"] = BirthDate },
        ["home_kelurahan_code"] = "35.73.02.1007", ["status"] = status, ["placed_school_id"] = placed,
        ["submitted_at"] = "2026-06-10T08:14:05+07:00", ["updated_at"] = "2026-06-13T13:05:00+07:00",
    };

    private static JsonObject Item(string resource) => resource == "schools" ? School() : Application();

    private (ItemResult<AdmissionSchool>? School, ItemResult<AdmissionApplication>? Application, string Redacted) Map(string resource, JsonObject item) =>
        resource == "schools"
            ? (_schools.Map(Parse(item)), null, PersonalData.Redact(Parse(item), _schools.StoredFields))
            : (null, _applications.Map(Parse(item)), PersonalData.Redact(Parse(item), _applications.StoredFields));

    private static (ItemKind Kind, string? Reason, bool Flagged, string? Flags, string? Id) Outcome(
        (ItemResult<AdmissionSchool>? School, ItemResult<AdmissionApplication>? Application, string Redacted) r) =>
        r.School is { } s ? (s.Kind, s.Reason, s.Flagged, s.Entity?.Flags, s.Id) : (r.Application!.Value.Kind, r.Application.Value.Reason, r.Application.Value.Flagged, r.Application.Value.Entity?.Flags, r.Application.Value.Id);

    private static void AssertNoPersonalData(params string?[] texts)
    {
        foreach (var text in texts)
        {
            foreach (var personal in new[] { Nik, Name, BirthDate })
            {
                Assert.DoesNotContain(personal, text ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void School_Valid_KeepsItsSeatsAndPlace()
    {
        var r = _schools.Map(Parse(School()));

        Assert.Equal(ItemKind.Valid, r.Kind);
        var s = r.Entity!;
        Assert.Equal("20533121", s.Id);
        Assert.Equal("SD Negeri Kauman 1", s.Name);
        Assert.Equal(("35.73.02.1007", "35.73.02"), (s.KelurahanCode, s.KecamatanCode));
        Assert.Equal((63, 17, 4, 0, 84), (s.QuotaDomisili, s.QuotaAfirmasi, s.QuotaMutasi, s.QuotaPrestasi, s.Seats));
        Assert.Equal(17, s.Quota("afirmasi"));
        Assert.Null(s.Flags);
    }

    [Fact]
    public void Application_Valid_IsKeyedByTheHashedNik_WithoutPersonalData()
    {
        var r = _applications.Map(Parse(Application()));

        Assert.Equal(ItemKind.Valid, r.Kind);
        var a = r.Entity!;
        Assert.Equal(Pseudonymizer.Hash("nik", Nik), a.ApplicantKey);
        Assert.Equal("SPMB-2026-SD-000123", a.Id);
        Assert.Equal(2026, a.Year);
        Assert.Equal("20533121,20533158", a.Choices);
        Assert.Equal("20533121", a.FirstChoice);
        Assert.Equal("20533121", a.PlacedSchoolId);
        Assert.Equal(("35.73.02.1007", "35.73.02"), (a.HomeKelurahanCode, a.HomeKecamatanCode));
        Assert.Null(a.Flags);
        var redacted = PersonalData.Redact(Parse(Application()), _applications.StoredFields);
        AssertNoPersonalData(JsonSerializer.Serialize(a), redacted);
        Assert.Contains("\"applicant\":\"[dihapus]\"", redacted, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> KnownValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var v in AdmissionsPayload.Levels) { data.Add("schools", "level", v); data.Add("applications", "level", v); }
        foreach (var v in AdmissionsPayload.Ownerships) { data.Add("schools", "ownership", v); }
        foreach (var v in AdmissionsPayload.Routes) { data.Add("applications", "route", v); }
        foreach (var v in AdmissionsPayload.Statuses) { data.Add("applications", "status", v); }
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void EveryContractEnumValue_IsValidAndNotFlagged(string resource, string field, string value)
    {
        var item = Item(resource);
        item[field] = value;

        var (kind, reason, flagged, _, _) = Outcome(Map(resource, item));

        Assert.True(kind == ItemKind.Valid, reason);
        Assert.False(flagged);
    }

    [Theory]
    [InlineData("schools", "level", "MI")]
    [InlineData("schools", "ownership", "yayasan")]
    [InlineData("schools", "kelurahan_code", "35.07.01.2001")]
    [InlineData("applications", "level", "SMA")]
    [InlineData("applications", "route", "zonasi")]
    [InlineData("applications", "status", "cadangan")]
    [InlineData("applications", "home_kelurahan_code", "35.73.09.1001")]
    public void UnknownEnumValue_KeepsTheRowAndFlagsIt(string resource, string field, string value)
    {
        var item = Item(resource);
        item[field] = value;

        var (kind, _, flagged, flags, _) = Outcome(Map(resource, item));

        Assert.Equal(ItemKind.Valid, kind);
        Assert.True(flagged);
        Assert.Contains(field, flags, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKelurahan_IsKeptWithoutARegion()
    {
        var school = School();
        school["kelurahan_code"] = "Kauman";
        var application = Application();
        application["home_kelurahan_code"] = "35.73.09.1001";

        Assert.Null(_schools.Map(Parse(school)).Entity!.KecamatanCode);
        var a = _applications.Map(Parse(application)).Entity!;
        Assert.Null(a.HomeKelurahanCode);
        Assert.Null(a.HomeKecamatanCode);
    }

    public static TheoryData<string, string> EveryField() => new()
    {
        { "schools", "id" }, { "schools", "name" }, { "schools", "level" }, { "schools", "ownership" },
        { "schools", "kelurahan_code" }, { "schools", "quota" }, { "schools", "updated_at" },
        { "applications", "id" }, { "applications", "year" }, { "applications", "level" }, { "applications", "route" },
        { "applications", "choices" }, { "applications", "applicant" }, { "applications", "home_kelurahan_code" },
        { "applications", "status" }, { "applications", "placed_school_id" }, { "applications", "submitted_at" },
        { "applications", "updated_at" },
    };

    [Theory]
    [MemberData(nameof(EveryField))]
    public void MissingField_IsRejected_AndTheReasonNamesIt(string resource, string field)
    {
        var item = Item(resource);
        item.Remove(field);

        var r = Map(resource, item);
        var (kind, reason, _, _, id) = Outcome(r);

        Assert.Equal(ItemKind.Rejected, kind);
        Assert.Contains(field, reason, StringComparison.Ordinal);
        AssertNoPersonalData(reason, r.Redacted, id);
    }

    [Theory]
    [MemberData(nameof(EveryField))]
    public void WronglyTypedField_IsRejected(string resource, string field)
    {
        var item = Item(resource);
        item[field] = field is "year" ? "2026" : 1_700_000_123;

        var r = Map(resource, item);
        var (kind, reason, _, _, id) = Outcome(r);

        Assert.Equal(ItemKind.Rejected, kind);
        Assert.Contains(field, reason, StringComparison.Ordinal);
        AssertNoPersonalData(reason, r.Redacted, id);
    }

    [Theory]
    [InlineData("schools", "id", "2053312")]
    [InlineData("schools", "quota", """{"domisili":63,"afirmasi":17,"mutasi":4}""")]
    [InlineData("schools", "quota", """{"domisili":-1,"afirmasi":17,"mutasi":4,"prestasi":0}""")]
    [InlineData("schools", "quota", """{"domisili":"63","afirmasi":17,"mutasi":4,"prestasi":0}""")]
    [InlineData("schools", "quota", """{"domisili":6.5,"afirmasi":17,"mutasi":4,"prestasi":0}""")]
    [InlineData("applications", "year", "1999")]
    [InlineData("applications", "choices", "[]")]
    [InlineData("applications", "choices", """["20533121", 20533158]""")]
    [InlineData("applications", "choices", """["NPSN-1"]""")]
    [InlineData("applications", "choices", """["10000001","10000002","10000003","10000004","10000005","10000006","10000007","10000008"]""")]
    [InlineData("applications", "applicant", """{"name":"Aisyah Putri Ramadhani","birth_date":"2019-07-06"}""")]
    [InlineData("applications", "applicant", """{"nik":"357305460719","name":"Aisyah Putri Ramadhani"}""")]
    [InlineData("applications", "applicant", """{"nik":3573054607190003}""")]
    [InlineData("applications", "placed_school_id", "SDN-1")]
    [InlineData("applications", "placed_school_id", "null")]
    [InlineData("applications", "submitted_at", "2026-06-14T08:00:00+07:00")]
    [InlineData("applications", "submitted_at", "2026-06-10 08:14")]
    [InlineData("applications", "id", "\"SPMB-2026-SD-000123-0000000000000000000000000000000000000000000000000\"")]
    public void BadValue_IsRejected_WithoutPersonalDataInTheReason(string resource, string field, string json)
    {
        var item = Item(resource);
        item[field] = json.StartsWith('{') || json.StartsWith('[') || json.StartsWith('"') || json == "null" || char.IsAsciiDigit(json[0]) && json.Length == 4
            ? JsonNode.Parse(json)
            : json;

        var r = Map(resource, item);
        var (kind, reason, _, _, id) = Outcome(r);

        Assert.Equal(ItemKind.Rejected, kind);
        AssertNoPersonalData(reason, r.Redacted, id);
    }

    [Theory]
    [InlineData("terdaftar")]
    [InlineData("terverifikasi")]
    [InlineData("tidak_diterima")]
    [InlineData("mengundurkan_diri")]
    public void PlacedSchool_IsOptional_OutsidePlacedStatuses(string status)
    {
        Assert.Equal(ItemKind.Valid, _applications.Map(Parse(Application(status, null))).Kind);
        Assert.Equal(ItemKind.Rejected, _applications.Map(Parse(Application("daftar_ulang", null))).Kind);
    }

    [Fact]
    public void Tombstones_AreRecognised()
    {
        var school = _schools.Map(Parse(new JsonObject { ["id"] = "20533121", ["updated_at"] = "2026-06-01T08:00:00+07:00", ["deleted"] = true }));
        var application = _applications.Map(Parse(new JsonObject { ["id"] = "SPMB-2026-SD-000123", ["updated_at"] = "2026-06-10T09:00:00+07:00", ["deleted"] = true }));

        Assert.Equal((ItemKind.Tombstone, "20533121"), (school.Kind, school.Id));
        Assert.Equal((ItemKind.Tombstone, "SPMB-2026-SD-000123"), (application.Kind, application.Id));
    }

    [Fact]
    public void NotAnObject_IsRejected()
    {
        Assert.Equal(ItemKind.Rejected, _schools.Map(Parse(JsonValue.Create("x")!)).Kind);
        Assert.Equal(ItemKind.Rejected, _applications.Map(Parse(new JsonArray(1, 2))).Kind);
    }

    [Fact]
    public void AffectedSince_StatusChangesCountFromTheChange_EverythingElseFromTheSubmission_SchoolSeatsFromTheStart()
    {
        var stored = _applications.Map(Parse(Application("terverifikasi", null))).Entity!;
        stored.UpdatedAt = new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.FromHours(7));
        var decided = _applications.Map(Parse(Application())).Entity!;
        var moved = _applications.Map(Parse(Application())).Entity!;
        moved.Route = "afirmasi";

        Assert.Equal(stored.UpdatedAt, _applications.AffectedSince(stored, decided));
        Assert.Equal(stored.SubmittedAt, _applications.AffectedSince(stored, moved));
        Assert.Equal(stored.SubmittedAt, _applications.AffectedSince(null, stored));
        Assert.Equal(stored.SubmittedAt, _applications.AffectedSince(stored, null));

        var school = _schools.Map(Parse(School())).Entity!;
        var renamed = _schools.Map(Parse(School())).Entity!;
        renamed.Name = "SD Negeri Kauman 2";
        renamed.UpdatedAt = school.UpdatedAt.AddDays(1);
        var bigger = _schools.Map(Parse(School())).Entity!;
        bigger.QuotaDomisili++;
        Assert.Equal(renamed.UpdatedAt, _schools.AffectedSince(school, renamed));
        Assert.Equal(AdmissionsPayload.AllHistory, _schools.AffectedSince(school, bigger));
        Assert.Equal(AdmissionsPayload.AllHistory, _schools.AffectedSince(null, school));
        Assert.Equal(new DateOnly(1900, 1, 1), DateOnly.FromDateTime(AdmissionsPayload.AllHistory.UtcDateTime));
    }
}
