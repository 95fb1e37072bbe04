using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Web;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Shared.FollowUps;

/// <summary>The whole follow-up lifecycle on a fake clock: who may do what, history, audit, the overdue alert and the indicators.</summary>
public sealed class FollowUpLifecycleTests : IDisposable
{
    /// <summary>Monday 2 March 2026, 10:00 WIB.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private readonly FakeTimeProvider _time = new(Monday);
    private readonly FollowUpService _service;
    private readonly List<KpiEvent> _events = [];
    private readonly IDisposable _subscription;

    private static readonly FollowUpActor Mayor = new("walikota", MayAssign: true, []);
    private static readonly FollowUpActor Admin = new("admin", MayAssign: true, []);
    private static readonly FollowUpActor DishubHead = new("dishub", MayAssign: false, ["DISHUB"]);
    private static readonly FollowUpActor DinkesHead = new("dinkes", MayAssign: false, ["DINKES"]);

    public FollowUpLifecycleTests()
    {
        _service = new FollowUpService(_db, _broadcaster, _time);
        _subscription = _broadcaster.Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
            return Task.CompletedTask;
        });
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _db.Dispose();
    }

    private static DateOnly Today(DateTimeOffset at) => Wib.DateOf(at);

    private Task<long> AssignAsync(FollowUpActor actor, string opd = "DISHUB", int dueInDays = 3) =>
        _service.AssignAsync(actor, new FollowUpRequest(opd, "Turunkan aduan lewat SLA di ruas Jl. Ijen",
            [ComplaintsIndicators.Codes.Overdue], Today(_time.GetUtcNow()).AddDays(dueInDays)), CancellationToken.None);

    private async Task<FollowUp> ItemAsync(long id)
    {
        await using var db = _db.CreateDbContext();
        return await db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == id);
    }

    private async Task<double?> SnapshotAsync(string code, string scope)
    {
        await using var db = _db.CreateDbContext();
        return await db.IndicatorSnapshots.AsNoTracking().Where(s => s.IndicatorCode == code && s.ScopeCode == scope).Select(s => s.Value).SingleOrDefaultAsync();
    }

    private AlertMonitor NewMonitor() => new(
        _db, [], new AlertNotifier([], NullLogger<AlertNotifier>.Instance), _broadcaster, _time,
        new TestOptions<AlertOptions>(new AlertOptions { FailedRuns = 3, ReopenWithinMinutes = 60 }), NullLogger<AlertMonitor>.Instance);

    [Fact]
    public async Task Lifecycle_assign_progress_done_reopen_overdue_alert_history_and_audit()
    {
        // Only the mayor or an administrator assigns.
        await Assert.ThrowsAsync<FollowUpDeniedException>(() => AssignAsync(DishubHead));
        var id = await AssignAsync(Mayor);
        var item = await ItemAsync(id);
        Assert.Equal(("DISHUB", FollowUpStatus.Open, "walikota", Today(Monday).AddDays(3)), (item.Opd, item.Status, item.AssignedBy, item.DueDate));
        Assert.Equal([ComplaintsIndicators.Codes.Overdue], item.Indicators);
        Assert.Equal(1, await SnapshotAsync(FollowUpsIndicators.Codes.Open, "DISHUB"));

        // The head of another agency cannot move it, nor can the mayor (it is the agency's to do); the head may not review.
        await Assert.ThrowsAsync<FollowUpDeniedException>(() => _service.StartAsync(DinkesHead, id, null, CancellationToken.None));
        await Assert.ThrowsAsync<FollowUpDeniedException>(() => _service.CompleteAsync(DinkesHead, id, "sudah", CancellationToken.None));
        await Assert.ThrowsAsync<FollowUpDeniedException>(() => _service.StartAsync(Mayor, id, null, CancellationToken.None));
        Assert.Equal(FollowUpStatus.Open, (await ItemAsync(id)).Status);

        _time.Advance(TimeSpan.FromHours(2));
        await _service.StartAsync(DishubHead, id, "Tim lapangan dikirim", CancellationToken.None);
        Assert.Equal(FollowUpStatus.InProgress, (await ItemAsync(id)).Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _service.StartAsync(DishubHead, id, null, CancellationToken.None));

        // Done needs a note.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.CompleteAsync(DishubHead, id, " ", CancellationToken.None));
        await Assert.ThrowsAsync<FollowUpDeniedException>(() => _service.ReopenAsync(DishubHead, id, "x", CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(1));
        await _service.CompleteAsync(DishubHead, id, "Rambu dipasang, 12 aduan ditutup", CancellationToken.None);
        item = await ItemAsync(id);
        Assert.Equal((FollowUpStatus.Done, "Rambu dipasang, 12 aduan ditutup"), (item.Status, item.Note));
        Assert.Equal(100, await SnapshotAsync(FollowUpsIndicators.Codes.ClosedOnTimePct, "DISHUB"));

        // The mayor reviews: reopening needs a reason; a head cannot.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.ReopenAsync(Mayor, id, "", CancellationToken.None));
        await _service.ReopenAsync(Mayor, id, "Aduan baru masih masuk", CancellationToken.None);
        item = await ItemAsync(id);
        Assert.Equal((FollowUpStatus.Open, 1, (DateTimeOffset?)null), (item.Status, item.Reopened, item.DoneAt));
        Assert.Null(await SnapshotAsync(FollowUpsIndicators.Codes.ClosedOnTimePct, "DISHUB")); // not due yet, not done: nothing to rate

        // Past its due date: overdue, an alert for that head (and the mayor), not for another agency's head.
        _time.Advance(TimeSpan.FromDays(3));
        using var monitor = NewMonitor();
        var fired = await monitor.EvaluateAsync(CancellationToken.None);
        var alert = Assert.Single(fired, a => a.Kind == AlertKind.FollowUpOverdue);
        Assert.Equal((FollowUpAlerts.OverdueKey(id), "DISHUB", AlertState.Firing), (alert.Key, alert.OwnerOpd, alert.State));
        var row = (await new AlertQueries(_db).ListAsync(AlertFilter.Open, 100, CancellationToken.None)).Single(a => a.Id == alert.Id);
        Assert.True(AlertAudience.Concerns(User(Roles.KepalaOpd, "DISHUB"), row));
        Assert.True(AlertAudience.Concerns(User(Roles.Pimpinan), row));
        Assert.False(AlertAudience.Concerns(User(Roles.KepalaOpd, "DINKES"), row));
        await _service.RecomputeAsync(CancellationToken.None); // the hourly run: a due date passing changes no row
        Assert.Equal(1, await SnapshotAsync(FollowUpsIndicators.Codes.Overdue, "DISHUB"));
        Assert.Equal(1, await SnapshotAsync(FollowUpsIndicators.Codes.Overdue, ReferenceData.KotaCode));

        // Done late: the alert resolves; closed on time drops to 0 %.
        await _service.CompleteAsync(DishubHead, id, "Seluruh aduan ditutup", CancellationToken.None);
        var resolved = await monitor.EvaluateAsync(CancellationToken.None);
        Assert.Contains(resolved, a => a.Key == FollowUpAlerts.OverdueKey(id) && a.State == AlertState.Resolved);
        Assert.Equal(0, await SnapshotAsync(FollowUpsIndicators.Codes.ClosedOnTimePct, "DISHUB"));
        Assert.Equal(0, await SnapshotAsync(FollowUpsIndicators.Codes.Overdue, "DISHUB"));

        await _service.AcceptAsync(Admin, id, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _service.AcceptAsync(Mayor, id, null, CancellationToken.None));

        // History: every change kept, never overwritten; audit: one entry per change, with who and the status before and after.
        await using var db = _db.CreateDbContext();
        var history = await db.Set<FollowUpHistory>().AsNoTracking().Where(h => h.FollowUpId == id).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(
            [FollowUpAction.Assigned, FollowUpAction.Started, FollowUpAction.Done, FollowUpAction.Reopened, FollowUpAction.Done, FollowUpAction.Accepted],
            history.Select(h => h.Action));
        Assert.Equal(["walikota", "dishub", "dishub", "walikota", "dishub", "admin"], history.Select(h => h.User));
        Assert.Equal([null, FollowUpStatus.Open, FollowUpStatus.InProgress, FollowUpStatus.Done, FollowUpStatus.Open, FollowUpStatus.Done], history.Select(h => h.From));
        Assert.Equal("Aduan baru masih masuk", history[3].Note);
        Assert.Equal(Monday.AddHours(2), history[1].At);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Target == $"follow-up #{id} DISHUB").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [FollowUpAuditActions.Assigned, FollowUpAuditActions.Started, FollowUpAuditActions.Done, FollowUpAuditActions.Reopened,
                FollowUpAuditActions.Done, FollowUpAuditActions.Accepted],
            audit.Select(a => a.Action));
        Assert.Equal(("Done", "Open", "Aduan baru masih masuk"), (audit[3].Before, audit[3].After, audit[3].Reason));

        // Screens were told of each change.
        await Eventually.TrueAsync(() =>
        {
            lock (_events)
            {
                return _events.OfType<FollowUpsChanged>().Count(e => e.Opd == "DISHUB") >= 6;
            }
        }, TimeSpan.FromSeconds(10), "six FollowUpsChanged events");
    }

    [Fact]
    public async Task Assign_refuses_an_unknown_agency_indicator_or_a_past_due_date()
    {
        var today = Today(_time.GetUtcNow());
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.AssignAsync(Mayor, new FollowUpRequest("NOPE", "x", [], today), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.AssignAsync(Mayor, new FollowUpRequest("DISHUB", "x", ["NOPE"], today), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.AssignAsync(Mayor, new FollowUpRequest("DISHUB", "x", [], today.AddDays(-1)), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.AssignAsync(Mayor, new FollowUpRequest("DISHUB", " ", [], today), CancellationToken.None));
        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.Set<FollowUp>().CountAsync());
    }

    [Fact]
    public async Task Meetings_are_recorded_once_a_day_and_audited()
    {
        await Assert.ThrowsAsync<FollowUpDeniedException>(() => _service.StartMeetingAsync(DishubHead, CancellationToken.None));
        var first = await _service.StartMeetingAsync(Mayor, CancellationToken.None);
        Assert.Equal(first.Id, (await _service.StartMeetingAsync(Mayor, CancellationToken.None)).Id);
        await _service.ShowAsync(first.Id, "DISHUB", CancellationToken.None);
        await _service.EndMeetingAsync(Mayor, first.Id, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(7));
        var next = await _service.StartMeetingAsync(Mayor, CancellationToken.None);
        Assert.NotEqual(first.Id, next.Id);
        await using var db = _db.CreateDbContext();
        Assert.Equal([Today(Monday), Today(Monday).AddDays(7)], await db.Set<EvaluationMeeting>().OrderBy(m => m.Id).Select(m => m.Date).ToListAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("meeting.")));
    }

    private static ClaimsPrincipal User(string role, string? opd = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role) };
        if (opd is not null)
        {
            claims.Add(new Claim(AuthExtensions.OpdClaim, opd));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
