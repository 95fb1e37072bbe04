using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.Licensing;

/// <summary>The fiktif-positif alert under a fake clock walking a file towards its SLA across the Christmas holidays.</summary>
public sealed class FiktifPositifAlertTests
{
    private static DateTimeOffset Wib(int m, int d, int h) => LicensingKpisTests.Wib(m, d, h);

    private static PermitApplication File(string id, string status, DateTimeOffset submitted, params (string Status, DateTimeOffset At)[] history) => new()
    {
        Id = id, PermitType = "sip", Channel = "sicantik", ApplicantKind = "perorangan", Status = status,
        History = StatusHistory.Encode([.. history.Select(h => new StatusChange(h.Status, h.At.ToUniversalTime()))]),
        StatusSince = history[^1].At.ToUniversalTime(), SubmittedAt = submitted.ToUniversalTime(), UpdatedAt = history[^1].At.ToUniversalTime(),
    };

    [Fact]
    public async Task AFileWithinOneWorkingDayOfItsSla_AtACityStage_AlertsTheLicensingHead()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Add(new PermitType { Id = "sip", Name = "SIP", Channel = "sicantik", SlaDays = 3, TechnicalAgencyCode = "DINKES", UpdatedAt = Wib(1, 2, 8) });
            // Submitted Wednesday 23 Dec: its working days are 28, 29, 30 (24 and 25 are off).
            db.Add(File("PRM-1", "verifikasi", Wib(12, 23, 9), ("diajukan", Wib(12, 23, 9)), ("verifikasi", Wib(12, 23, 10))));
            // The same age but with the applicant, or approved and waiting for payment: the city holds nothing.
            db.Add(File("PRM-2", "perbaikan", Wib(12, 23, 9), ("diajukan", Wib(12, 23, 9)), ("perbaikan", Wib(12, 23, 11))));
            db.Add(File("PRM-3", "menunggu_bayar", Wib(12, 23, 9), ("diajukan", Wib(12, 23, 9)), ("menunggu_bayar", Wib(12, 23, 11))));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var time = new FakeTimeProvider(Wib(12, 24, 10));
        using var monitor = new AlertMonitor(database, [], new AlertNotifier([], NullLogger<AlertNotifier>.Instance), new KpiBroadcaster(), time,
            new TestOptions<AlertOptions>(new AlertOptions()), NullLogger<AlertMonitor>.Instance, [new FiktifPositifAlert()]);

        async Task<Alert?> OpenAlertAsync()
        {
            await monitor.EvaluateAsync(TestContext.Current.CancellationToken);
            await using var db = database.CreateDbContext();
            return db.Set<Alert>().SingleOrDefault(a => a.OpenKey == FiktifPositifAlert.Key);
        }

        // Christmas Eve and Monday 28 (one day elapsed, two left): nothing yet.
        Assert.Null(await OpenAlertAsync());
        time.SetUtcNow(Wib(12, 28, 10));
        Assert.Null(await OpenAlertAsync());

        // Tuesday 29: one working day left.
        time.SetUtcNow(Wib(12, 29, 10));
        var alert = await OpenAlertAsync();
        Assert.NotNull(alert);
        Assert.Equal((AlertKind.SourceRule, LicensingIndicators.OwnerOpd, LicensingIndicators.Source), (alert.Kind, alert.OwnerOpd, alert.Source));
        Assert.Contains("1 berkas", alert.Summary, StringComparison.Ordinal);
        Assert.Contains("PRM-1", alert.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("PRM-2", alert.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("PRM-3", alert.Summary, StringComparison.Ordinal);

        // Wednesday 30: its last day, still alerting; Thursday 31: lapsed (the backlog shows it), the alert resolves.
        time.SetUtcNow(Wib(12, 30, 15));
        Assert.NotNull(await OpenAlertAsync());
        time.SetUtcNow(Wib(12, 31, 9));
        Assert.Null(await OpenAlertAsync());
    }

    [Fact]
    public void AtRisk_OrdersByWhatIsLeft_AndSkipsPausedDays()
    {
        var types = LicensingKpisTests.Types.ToDictionary(t => t.Code);
        var input = LicensingKpisTests.Input();
        // 30 Dec 10:00: A5 (verifikasi since 23 Dec) has used 28, 29, 30: its last day.
        var risk = FiktifPositifAlert.AtRisk(input.Applications, types, input.Calendar, Wib(12, 30, 10));
        Assert.Equal([("A5", 0)], risk);
        Assert.Empty(FiktifPositifAlert.AtRisk(input.Applications, types, input.Calendar, Wib(12, 28, 10)));
    }
}
