using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Revenue;

namespace Dashboard.Tests.Sources.Revenue;

public sealed class RevenueMapperTests
{
    private const string Npwpd = "P.2.0001234.35.73";
    private const string Nop = "35.73.020.005.001-0042.0";
    private static readonly Pseudonymizer Pseudonymizer = new(Encoding.UTF8.GetBytes("test-pseudonym-key-0123456789abcdef"));
    private readonly RevenueTargetsMapper _targets = new();
    private readonly RevenuePaymentsMapper _payments = new(Pseudonymizer);
    private readonly PbbAssessmentsMapper _assessments = new(Pseudonymizer);

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    internal static JsonObject Payment(string code = "PBJT_MAKAN_MINUM", string status = "posted", long amount = 12_500_000,
        string? kelurahan = "35.73.02.1005", string channel = "qris", string taxpayer = Npwpd) => new()
    {
        ["id"] = "NTPD2607280A1B2C3D4E", ["revenue_code"] = code, ["taxpayer_id"] = taxpayer, ["kelurahan_code"] = kelurahan,
        ["amount"] = amount, ["paid_at"] = "2026-07-28T23:40:00+07:00", ["channel"] = channel, ["status"] = status,
        ["updated_at"] = "2026-07-28T23:40:05+07:00",
    };

    internal static JsonObject Assessment(long due = 1_250_000, long paid = 0) => new()
    {
        ["id"] = Nop + "-2026", ["year"] = 2026, ["kelurahan_code"] = "35.73.02.1005", ["amount_due"] = due, ["amount_paid"] = paid,
        ["updated_at"] = "2026-03-02T08:00:00+07:00",
    };

    internal static JsonObject Target(string code = "PBB_P2", string kind = "pajak", long target = 57_488_000_000) => new()
    {
        ["year"] = 2026, ["revenue_code"] = code, ["kind"] = kind, ["name"] = "Pajak Bumi dan Bangunan P2", ["target"] = target,
        ["revised_at"] = "2025-11-28T10:00:00+07:00",
    };

    private static void AssertNoPersonalData(object? entity, string? quarantined = null)
    {
        foreach (var text in new[] { entity is null ? "" : JsonSerializer.Serialize(entity), quarantined ?? "" })
        {
            Assert.DoesNotContain(Npwpd, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Nop, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Payment_Valid_KeepsNoTaxpayerId_AndCountsOnItsWibDay()
    {
        var r = _payments.Map(Parse(Payment()));

        Assert.Equal(ItemKind.Valid, r.Kind);
        var p = r.Entity!;
        Assert.Equal("NTPD2607280A1B2C3D4E", p.Id);
        Assert.Equal(Pseudonymizer.Hash("npwpd", Npwpd), p.TaxpayerKey);
        Assert.Equal(12_500_000, p.Amount);
        // 23:40 WIB is 16:40 UTC: still 28 July in Malang.
        Assert.Equal(new DateOnly(2026, 7, 28), p.PaidDate);
        Assert.Equal("35.73.02", p.KecamatanCode);
        Assert.Null(p.Flags);
        Assert.False(_payments.StoredFields.Contains("taxpayer_id"));
        AssertNoPersonalData(p, PersonalData.Redact(Parse(Payment()), _payments.StoredFields));
    }

    [Theory]
    [InlineData("PBB_P2")]
    [InlineData("BPHTB")]
    [InlineData("PBJT_MAKAN_MINUM")]
    [InlineData("PBJT_TENAGA_LISTRIK")]
    [InlineData("PBJT_PERHOTELAN")]
    [InlineData("PBJT_PARKIR")]
    [InlineData("PBJT_HIBURAN")]
    [InlineData("REKLAME")]
    [InlineData("AIR_TANAH")]
    [InlineData("SARANG_WALET")]
    [InlineData("OPSEN_PKB")]
    [InlineData("OPSEN_BBNKB")]
    [InlineData("RETRIBUSI_PASAR")]
    [InlineData("RETRIBUSI_SOMETHING_NEW")]
    public void Payment_EveryContractCode_IsKnown(string code)
    {
        var r = _payments.Map(Parse(Payment(code)));
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.Null(r.Entity!.Flags);
    }

    [Theory]
    [InlineData("bank")]
    [InlineData("qris")]
    [InlineData("teller")]
    [InlineData("marketplace")]
    public void Payment_EveryChannel_IsKnown(string channel)
    {
        var r = _payments.Map(Parse(Payment(channel: channel)));
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.Null(r.Entity!.Flags);
    }

    [Theory]
    [InlineData(12_500_000)]
    [InlineData(-12_500_000)]
    public void Reversal_IsKept_WithItsAmountPositive_AndSubtracts(long amount)
    {
        var r = _payments.Map(Parse(Payment(status: "reversed", amount: amount)));
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.Equal(12_500_000, r.Entity!.Amount);
        Assert.Equal(-12_500_000, RevenuePayload.NetAmount(r.Entity.Status, r.Entity.Amount));
        Assert.Equal(12_500_000, RevenuePayload.NetAmount("posted", 12_500_000));
        Assert.Equal(0, RevenuePayload.NetAmount("pending", 12_500_000));
    }

    [Fact]
    public void UnknownValues_AreKeptAndFlagged_AndAPlacelessPaymentCountsCityWide()
    {
        var unknown = _payments.Map(Parse(Payment(code: "PAJAK_ROKOK", channel: "edc", status: "pending", kelurahan: "35.73.09.9999")));
        Assert.Equal(ItemKind.Valid, unknown.Kind);
        Assert.Equal("revenue_code,kelurahan_code,status,channel", unknown.Entity!.Flags);
        Assert.True(unknown.Flagged);
        Assert.Null(unknown.Entity.KelurahanCode);
        Assert.Null(RevenuePayload.KindOf(unknown.Entity.RevenueCode));

        var opsen = _payments.Map(Parse(Payment(code: "OPSEN_PKB", kelurahan: null)));
        Assert.Equal(ItemKind.Valid, opsen.Kind);
        Assert.Null(opsen.Entity!.Flags);
        Assert.Null(opsen.Entity.KelurahanCode);

        var kind = _targets.Map(Parse(Target(kind: "transfer")));
        Assert.Equal(ItemKind.Valid, kind.Kind);
        Assert.Equal("kind", kind.Entity!.Flags);
    }

    public static TheoryData<string, string> BrokenPayments => new()
    {
        { "amount", "amount: tidak ada" },
        { "paid_at", "paid_at: tidak ada" },
        { "taxpayer_id", "taxpayer_id: tidak ada" },
        { "revenue_code", "revenue_code: tidak ada" },
        { "status", "status: tidak ada" },
        { "channel", "channel: tidak ada" },
        { "kelurahan_code", "kelurahan_code: tidak ada" },
        { "updated_at", "updated_at: tidak ada" },
    };

    [Theory]
    [MemberData(nameof(BrokenPayments))]
    public void Payment_MissingField_IsRejectedWithItsReason(string field, string reason)
    {
        var item = Payment();
        item.Remove(field);
        var r = _payments.Map(Parse(item));
        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains(reason, r.Reason, StringComparison.Ordinal);
        AssertNoPersonalData(null, r.Reason + PersonalData.Redact(Parse(item), _payments.StoredFields));
    }

    [Fact]
    public void Payment_WrongTypesAndValues_AreRejected_WithoutTheTaxpayerInTheReason()
    {
        var text = Payment();
        text["amount"] = "12500000";
        Assert.Contains("amount: bukan rupiah bulat (String)", _payments.Map(Parse(text)).Reason, StringComparison.Ordinal);

        var fraction = Payment();
        fraction["amount"] = 12.5;
        Assert.Contains("amount: bukan rupiah bulat", _payments.Map(Parse(fraction)).Reason, StringComparison.Ordinal);

        // Reasons name the rule, never the value.
        Assert.Equal("amount: nilai tidak sah", _payments.Map(Parse(Payment(amount: -5))).Reason);
        Assert.Equal("amount: nilai tidak sah", _payments.Map(Parse(Payment(amount: 0))).Reason);

        var local = Payment();
        local["paid_at"] = "2026-07-28T23:40:00";
        Assert.Contains("paid_at", _payments.Map(Parse(local)).Reason, StringComparison.Ordinal);

        var numeric = Payment();
        numeric["taxpayer_id"] = 1234;
        var r = _payments.Map(Parse(numeric));
        Assert.Equal(ItemKind.Rejected, r.Kind);
        Assert.Contains("taxpayer_id: bukan string (Number)", r.Reason, StringComparison.Ordinal);

        Assert.Equal(ItemKind.Rejected, _payments.Map(JsonDocument.Parse("[1,2]").RootElement).Kind);
    }

    [Fact]
    public void Tombstones_AreRecognised_ForPaymentsAndAssessments()
    {
        var payment = _payments.Map(Parse(new JsonObject { ["id"] = "NTPD1", ["updated_at"] = "2026-07-29T08:00:00+07:00", ["deleted"] = true }));
        Assert.Equal(ItemKind.Tombstone, payment.Kind);
        Assert.Equal("NTPD1", payment.Id);

        var assessment = _assessments.Map(Parse(new JsonObject { ["id"] = Nop + "-2026", ["updated_at"] = "2026-07-29T08:00:00+07:00", ["deleted"] = true }));
        Assert.Equal(ItemKind.Tombstone, assessment.Kind);
        Assert.Equal(Pseudonymizer.Hash("pbb-assessment-id", Nop + "-2026"), assessment.Id);
    }

    [Fact]
    public void Assessment_IsKeyedByTheHashedNop_AndValidated()
    {
        var r = _assessments.Map(Parse(Assessment(paid: 1_300_000)));
        Assert.Equal(ItemKind.Valid, r.Kind);
        var a = r.Entity!;
        Assert.Equal(Pseudonymizer.Hash("pbb-assessment-id", Nop + "-2026"), a.Id);
        Assert.Equal(2026, a.Year);
        Assert.Equal(1_250_000, a.AmountDue);
        // Paid above due (a penalty paid with it) is kept.
        Assert.Equal(1_300_000, a.AmountPaid);
        Assert.False(_assessments.StoredFields.Contains("id"));
        AssertNoPersonalData(a, PersonalData.Redact(Parse(Assessment()), _assessments.StoredFields));

        var negative = _assessments.Map(Parse(Assessment(paid: -1)));
        Assert.Equal(ItemKind.Rejected, negative.Kind);
        Assert.Equal("amount_paid: nilai tidak sah", negative.Reason);
        Assert.Equal(a.Id, negative.Id);

        var noYear = Assessment();
        noYear["year"] = null;
        Assert.Contains("year: wajib diisi", _assessments.Map(Parse(noYear)).Reason, StringComparison.Ordinal);

        var elsewhere = Assessment();
        elsewhere["kelurahan_code"] = "35.07.01.2001";
        var flagged = _assessments.Map(Parse(elsewhere));
        Assert.Equal(ItemKind.Valid, flagged.Kind);
        Assert.Equal("kelurahan_code", flagged.Entity!.Flags);
        Assert.Null(flagged.Entity.KelurahanCode);
    }

    [Fact]
    public void Target_IsKeyedByYearAndCode_VersionedByRevisedAt()
    {
        var r = _targets.Map(Parse(Target()));
        Assert.Equal(ItemKind.Valid, r.Kind);
        Assert.Equal("2026:PBB_P2", r.Id);
        Assert.Equal(57_488_000_000, r.Entity!.Target);
        Assert.Equal(new DateTimeOffset(2025, 11, 28, 3, 0, 0, TimeSpan.Zero), r.UpdatedAt);
        Assert.Equal(Wib.StartOf(new DateOnly(2026, 1, 1)), _targets.AffectedSince(null, r.Entity));

        var retribution = _targets.Map(Parse(Target("RETRIBUSI_PASAR", "retribusi")));
        Assert.Equal(ItemKind.Valid, retribution.Kind);

        var mismatch = _targets.Map(Parse(Target("RETRIBUSI_PASAR", "pajak")));
        Assert.Equal(ItemKind.Rejected, mismatch.Kind);
        Assert.Equal("kind: tidak sesuai kode pendapatan (seharusnya retribusi)", mismatch.Reason);

        var noRevision = Target();
        noRevision.Remove("revised_at");
        Assert.Contains("revised_at: tidak ada", _targets.Map(Parse(noRevision)).Reason, StringComparison.Ordinal);
        var noYear = Target();
        noYear.Remove("year");
        var rejected = _targets.Map(Parse(noYear));
        Assert.Equal(ItemKind.Rejected, rejected.Kind);
        Assert.Null(rejected.Id);
    }

    [Fact]
    public void AffectedSince_ReadsTheEarlierPaymentDay_AndTheAssessmentsUpdate()
    {
        var a = _payments.Map(Parse(Payment())).Entity!;
        var moved = Payment();
        moved["paid_at"] = "2026-07-20T09:00:00+07:00";
        var b = _payments.Map(Parse(moved)).Entity!;
        Assert.Equal(b.PaidAt, _payments.AffectedSince(a, b));
        Assert.Equal(a.PaidAt, _payments.AffectedSince(a, null));
        Assert.False(_payments.SameContent(a, b));
        _payments.Apply(a, b);
        Assert.True(_payments.SameContent(a, b));

        var assessment = _assessments.Map(Parse(Assessment())).Entity!;
        Assert.Equal(assessment.UpdatedAt, _assessments.AffectedSince(null, assessment));
    }
}
