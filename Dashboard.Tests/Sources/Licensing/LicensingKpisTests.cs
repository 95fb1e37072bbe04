using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Licensing;
using Codes = Dashboard.Ingest.Sources.Licensing.LicensingIndicators.Codes;
using F = Dashboard.Ingest.Sources.Licensing.LicensingKpis;

namespace Dashboard.Tests.Sources.Licensing;

/// <summary>
/// The licensing indicators over a small December 2026 scenario whose numbers are worked out by hand below (working days
/// skip weekends, 24–25 December, and the days a file spent wholly with the applicant).
/// </summary>
public sealed class LicensingKpisTests
{
    internal static DateTimeOffset Wib(int m, int d, int h) => new(2026, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static string History(params (string Status, DateTimeOffset At)[] changes) =>
        StatusHistory.Encode([.. changes.Select(c => new StatusChange(c.Status, c.At.ToUniversalTime()))]);

    private static F.ApplicationFacts App(string id, string type, string channel, string status, DateTimeOffset submitted, string history,
        DateTimeOffset? issued = null, long? retribution = null, DateTimeOffset? paid = null) =>
        new(id, type, channel, "35.73.02.1001", "35.73.02", status, history, submitted.ToUniversalTime(), issued?.ToUniversalTime(), retribution, paid?.ToUniversalTime());

    internal static readonly F.PermitTypeFacts[] Types =
    [
        new("sip", "sicantik", 3, "DINKES", false),
        new("pbg", "simbg", 10, "DPUPRPKP", true),
    ];

    internal static F.LicensingInput Input() => new(
        Types,
        [
            // A1: issued on its 2nd working day (15, 16): on time.
            App("A1", "sip", "sicantik", "terbit", Wib(12, 14, 9),
                History(("diajukan", Wib(12, 14, 9)), ("verifikasi", Wib(12, 14, 10)), ("terbit", Wib(12, 16, 11))), Wib(12, 16, 11)),
            // A2: 21, 22, 23, (24, 25 off) 28, 29 = 5 working days: late; past its SLA at the end of 28 December.
            App("A2", "sip", "sicantik", "terbit", Wib(12, 18, 9),
                History(("diajukan", Wib(12, 18, 9)), ("verifikasi", Wib(12, 18, 10)), ("terbit", Wib(12, 29, 10))), Wib(12, 29, 10)),
            // A3: with the applicant 15 Dec 09:00 – 22 Dec 09:00: 16, 17, 18 and 21 paused; 15, 22, 23 count = 3: on time.
            App("A3", "sip", "sicantik", "terbit", Wib(12, 14, 9),
                History(("diajukan", Wib(12, 14, 9)), ("verifikasi", Wib(12, 14, 11)), ("perbaikan", Wib(12, 15, 9)),
                    ("verifikasi", Wib(12, 22, 9)), ("terbit", Wib(12, 23, 10))), Wib(12, 23, 10)),
            // A4: PBG approved 8 Dec, unpaid; its 11th working day is 16 Dec: overdue from then, at menunggu_bayar.
            App("A4", "pbg", "simbg", "menunggu_bayar", Wib(12, 1, 9),
                History(("diajukan", Wib(12, 1, 9)), ("verifikasi", Wib(12, 1, 10)), ("pertimbangan_teknis", Wib(12, 3, 10)),
                    ("menunggu_bayar", Wib(12, 8, 10))), retribution: 4_200_000),
            // A5: open at verifikasi since 23 Dec: 28, 29, 30 are its three days, overdue from 31 Dec.
            App("A5", "sip", "sicantik", "verifikasi", Wib(12, 23, 9),
                History(("diajukan", Wib(12, 23, 9)), ("verifikasi", Wib(12, 23, 10)))),
            // A6: refused.
            App("A6", "sip", "sicantik", "ditolak", Wib(12, 14, 9),
                History(("diajukan", Wib(12, 14, 9)), ("verifikasi", Wib(12, 14, 10)), ("ditolak", Wib(12, 15, 10)))),
            // A7: PBG paid 10 Dec (Rp3,000,000), issued 11 Dec after 15 working days: late.
            App("A7", "pbg", "simbg", "terbit", Wib(11, 20, 9),
                History(("diajukan", Wib(11, 20, 9)), ("verifikasi", Wib(11, 20, 10)), ("menunggu_bayar", Wib(11, 27, 10)), ("terbit", Wib(12, 11, 10))),
                Wib(12, 11, 10), 3_000_000, Wib(12, 10, 14)),
        ],
        [
            new("35.73.02.1001", "35.73.02", "mikro", "rendah", Wib(12, 30, 10).ToUniversalTime()),
            new("35.73.02.1001", "35.73.02", "kecil", "menengah_rendah", Wib(12, 30, 11).ToUniversalTime()),
        ],
        [new(2026, 1, "PMDN", 500_000_000_000), new(2026, 3, "PMA", 100_000_000_000), new(2026, 4, "PMDN", 400_000_000_000), new(2025, 4, "PMDN", 900_000_000_000)],
        [new(2026, "PMDN", 2_000_000_000_000), new(2026, "PMA", 500_000_000_000)],
        WorkingCalendar.Official);

    private static readonly List<ComputedValue> Values = F.Compute(Input(), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

    private static ComputedValue Get(string code, int day, string scope = ReferenceData.KotaCode) =>
        Values.Single(v => v.Code == code && v.Scope == scope && v.Date == new DateOnly(2026, 12, day));

    [Fact]
    public void Issued_PerDayAndChannel_AndPerTechnicalAgency()
    {
        Assert.Equal((1.0, "SiCantik 1"), (Get(Codes.Issued, 16).Value!.Value, Get(Codes.Issued, 16).Label));
        Assert.Equal((1.0, "SIMBG 1"), (Get(Codes.Issued, 11).Value!.Value, Get(Codes.Issued, 11).Label));
        Assert.Equal(0, Get(Codes.Issued, 17).Value);
        Assert.Equal(1, Get(Codes.Issued, 16, "DINKES").Value);
        Assert.Equal(0, Get(Codes.Issued, 16, "DPUPRPKP").Value);
        Assert.Equal(1, Get(Codes.Issued, 11, "DPUPRPKP").Value);
    }

    [Fact]
    public void OnTimeShare_And_ProcessingDays_CountWorkingDaysWithoutPerbaikan()
    {
        // On 29 Dec the window holds A7 (late, 15 days), A1 (on time, 2), A3 (on time, 3), A2 (late, 5).
        Assert.Equal(50.0, Get(Codes.OnTimePct, 29).Value);
        Assert.Equal(3, Get(Codes.MedianDays, 29).Value);
        Assert.Equal("P90 15 hari kerja", Get(Codes.MedianDays, 29).Label);
        // On 23 Dec: A7, A1, A3.
        Assert.Equal(66.7, Get(Codes.OnTimePct, 23).Value);
        Assert.Equal(66.7, Get(Codes.OnTimePct, 29, "DINKES").Value); // A1, A3 on time; A2 late
        Assert.Null(Get(Codes.OnTimePct, 5).Value);
    }

    [Fact]
    public void Overdue_FollowsTheSlaDayAndTheStage()
    {
        Assert.Equal(0, Get(Codes.Overdue, 6).Value);
        // A7 (sla 10): its 11th working day is 7 Dec; closed 11 Dec 10:00.
        Assert.Equal((1.0, "menunggu bayar 1"), (Get(Codes.Overdue, 7).Value!.Value, Get(Codes.Overdue, 7).Label));
        Assert.Equal(1, Get(Codes.Overdue, 10).Value);
        Assert.Equal(0, Get(Codes.Overdue, 11).Value);
        Assert.Equal(0, Get(Codes.Overdue, 15).Value);
        Assert.Equal(1, Get(Codes.Overdue, 16).Value);
        Assert.Equal((2.0, "verifikasi 1 · menunggu bayar 1"), (Get(Codes.Overdue, 28).Value!.Value, Get(Codes.Overdue, 28).Label));
        Assert.Equal(1, Get(Codes.Overdue, 29).Value);
        Assert.Equal(1, Get(Codes.Overdue, 30).Value);
        Assert.Equal(2, Get(Codes.Overdue, 31).Value);
    }

    [Fact]
    public void WaitingForTheApplicant_And_PbgUnpaid_AtTheEndOfEachDay()
    {
        Assert.Equal(0, Get(Codes.WaitingApplicant, 14).Value);
        Assert.Equal(1, Get(Codes.WaitingApplicant, 15).Value);
        Assert.Equal(1, Get(Codes.WaitingApplicant, 21).Value);
        Assert.Equal(0, Get(Codes.WaitingApplicant, 22).Value);
        Assert.Equal(1, Get(Codes.PbgUnpaid, 1).Value); // A7 since 27 Nov
        Assert.Equal(2, Get(Codes.PbgUnpaid, 10).Value);
        Assert.Equal((1.0, "Rp4 jt"), (Get(Codes.PbgUnpaid, 11).Value!.Value, Get(Codes.PbgUnpaid, 11).Label));
        Assert.Equal(0, Get(Codes.PbgRetribution, 9).Value);
        Assert.Equal(3_000_000, Get(Codes.PbgRetribution, 10).Value);
        Assert.Equal(3_000_000, Get(Codes.PbgRetribution, 31).Value);
    }

    [Fact]
    public void Refusals_Nib_AndInvestment()
    {
        // Closed in the 30 days to 31 Dec: A7, A1, A3, A2 issued and A6 refused.
        Assert.Equal(20.0, Get(Codes.RejectedPct, 31).Value);
        Assert.Equal((2.0, "mikro 1 · kecil 1"), (Get(Codes.NibIssued, 30).Value!.Value, Get(Codes.NibIssued, 30).Label));
        Assert.Equal(0, Get(Codes.NibIssued, 29).Value);
        // Ended quarters of 2026 against Rp2.5 T: Q1 + Q3 = Rp600 bn (24 %); with Q4 from 31 Dec, Rp1 T (40 %).
        Assert.Equal(24.0, Get(Codes.InvestmentPct, 30).Value);
        Assert.Equal(40.0, Get(Codes.InvestmentPct, 31).Value);
        Assert.Equal("PMDN Rp900 M · PMA Rp100 M", Get(Codes.InvestmentPct, 31).Label);
        Assert.DoesNotContain(Values, v => v.Code == Codes.InvestmentPct && v.Scope != ReferenceData.KotaCode);
    }
}
