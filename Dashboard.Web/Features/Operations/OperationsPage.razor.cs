using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Refresh;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// The operations console for operators and administrators: one row per source (schedule, next run, last run, data
/// age against its freshness limit, state with live progress, open quarantine, refresh now), and for the selected
/// source its run history (filter by status and date) and its open quarantine (search, CSV export).
/// </summary>
public sealed partial class OperationsPage : IDisposable
{
    private const int AuditLimit = 100;

    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<string, (int Pages, int Items)> _progress = new(StringComparer.Ordinal);
    private IReadOnlyList<SourceRow>? _sources;
    private IReadOnlyList<RunRow>? _runs;
    private IReadOnlyList<QuarantineRow>? _quarantine;
    private IReadOnlyList<AuditRow>? _audit;
    private string? _selected;
    private IngestRunStatus? _status;
    private DateTime? _since;
    private string? _search;
    private LiveSubscription? _live;

    [Inject]
    private OperationsQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private AuditText Audit { get; set; } = default!;

    [Inject]
    private ILogger<OperationsPage> Logger { get; set; } = default!;

    [Inject]
    private SourceControl Control { get; set; } = default!;

    [Inject]
    private ISourceScheduler Scheduler { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time, Concerns, ReloadAsync, ex => Log.RefreshFailed(Logger, ex));
    }

    protected override async Task OnInitializedAsync()
    {
        _sources = await Queries.SourcesAsync(_cts.Token);
        await LoadAuditAsync();
    }

    /// <summary>The audit log, for administrators only (others never query it).</summary>
    private async Task LoadAuditAsync()
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        _audit = user.IsInRole(Roles.Admin) ? await Queries.AuditAsync(AuditLimit, _cts.Token) : null;
    }

    // Every event concerns the console; progress is also kept for the running sources' counters.
    private bool Concerns(KpiEvent e)
    {
        if (e is IngestProgress p)
        {
            lock (_progress)
            {
                _progress[p.Source] = (p.Pages, p.ItemsRead);
            }
        }
        return true;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var sources = await Queries.SourcesAsync(ct);
        var selected = _selected;
        var runs = selected is null ? null : await Queries.RunsAsync(selected, _status, Since(), ct);
        await InvokeAsync(() =>
        {
            _sources = sources;
            if (selected is not null && selected == _selected)
            {
                _runs = runs;
            }
            StateHasChanged();
        });
    }

    private async Task SelectAsync(string source)
    {
        _selected = source;
        await LoadDetailAsync();
    }

    private async Task LoadDetailAsync()
    {
        if (_selected is null)
        {
            return;
        }
        _runs = await Queries.RunsAsync(_selected, _status, Since(), _cts.Token);
        _quarantine = await Queries.QuarantineAsync(_selected, _search, OperationsQueries.QuarantineLimit, _cts.Token);
    }

    private async Task OnStatusChanged(IngestRunStatus? status)
    {
        _status = status;
        await LoadDetailAsync();
    }

    private async Task OnSinceChanged(DateTime? since)
    {
        _since = since;
        await LoadDetailAsync();
    }

    private async Task OnSearchChanged(string? search)
    {
        _search = search;
        await LoadDetailAsync();
    }

    /// <summary>The chosen day's start in WIB.</summary>
    private DateTimeOffset? Since() => _since is { } d ? new DateTimeOffset(d.Date, TimeSpan.FromHours(7)) : null;

    private string CsvHref() =>
        OperationsEndpoints.QuarantineCsvPath + "?sumber=" + Uri.EscapeDataString(_selected ?? "") +
        (string.IsNullOrWhiteSpace(_search) ? "" : "&cari=" + Uri.EscapeDataString(_search));

    private void OnMinute(DateTimeOffset now) => _live?.Request();

    /// <summary>Pauses (with a reason and a length) or resumes (with a reason) a source's schedule; audited.</summary>
    private async Task PauseOrResumeAsync(SourceRow row)
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Refresh)).Succeeded)
        {
            return;
        }
        var resume = row.Pause is not null;
        var parameters = new DialogParameters<PauseDialog> { { d => d.SourceName, SourceName(row.Source) }, { d => d.Resume, resume } };
        var dialog = await Dialogs.ShowAsync<PauseDialog>(L[resume ? "ops.resume" : "ops.pause"].Value, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not ValueTuple<string, int> (var reason, var hours))
        {
            return;
        }
        var name = user.Identity?.Name ?? RefreshButton.AnonymousUser;
        if (resume)
        {
            await Control.ResumeAsync(row.Source, name, reason, _cts.Token);
        }
        else
        {
            await Control.PauseAsync(row.Source, name, reason, hours > 0 ? Time.GetUtcNow().AddHours(hours) : null, _cts.Token);
        }
        Snackbar.Add(L[resume ? "ops.done.resume" : "ops.done.pause", SourceName(row.Source)].Value, Severity.Success);
        _sources = await Queries.SourcesAsync(_cts.Token);
        await LoadAuditAsync();
    }

    /// <summary>The retries of a failed first attempt among the runs shown ("#12, #13"), or empty.</summary>
    private string Retries(long runId) =>
        string.Join(", ", (_runs ?? []).Where(r => r.RetryOfRunId == runId).OrderBy(r => r.Id).Select(r => "#" + r.Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Administrators only: a new cron (or back to the configured one) with a reason, audited and put in force at once.</summary>
    private async Task ChangeScheduleAsync(SourceRow row)
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded)
        {
            return;
        }
        var parameters = new DialogParameters<ScheduleDialog>
        {
            { d => d.SourceName, SourceName(row.Source) }, { d => d.Current, row.Schedule }, { d => d.Configured, row.ConfiguredSchedule },
        };
        var dialog = await Dialogs.ShowAsync<ScheduleDialog>(L["ops.schedule.title"].Value, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not ValueTuple<string, string> (var cron, var reason))
        {
            return;
        }
        var name = user.Identity?.Name ?? RefreshButton.AnonymousUser;
        var effective = await Control.ChangeScheduleAsync(row.Source, row.ConfiguredSchedule, cron, name, reason, _cts.Token);
        await Scheduler.ApplyAsync(row.Source, effective == row.ConfiguredSchedule ? null : effective, _cts.Token);
        Snackbar.Add(L["ops.schedule.done", SourceName(row.Source), ScheduleText.Describe(effective, L)].Value, Severity.Success);
        _sources = await Queries.SourcesAsync(_cts.Token);
        await LoadAuditAsync();
    }

    private async Task ReviewAsync(long id)
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        if (_selected is null || !(await Authorization.AuthorizeAsync(user, Policies.Refresh)).Succeeded)
        {
            return;
        }
        await Control.MarkReviewedAsync(_selected, [id], user.Identity?.Name ?? RefreshButton.AnonymousUser, _cts.Token);
        await LoadDetailAsync();
        await LoadAuditAsync();
    }

    private string LastRun(RunRow? run) => run is null
        ? "—"
        : $"{L["ops.status." + run.Status].Value} · {Format.WibDateTime(run.StartedAt)}" +
          (run.Duration is { } d ? " · " + L["ops.seconds", Format.Number(d.TotalSeconds, 1)].Value : "");

    private static Color HealthColor(SourceHealth health) => health switch
    {
        SourceHealth.Healthy => Color.Success,
        SourceHealth.Running => Color.Info,
        SourceHealth.Late => Color.Warning,
        SourceHealth.Failing => Color.Error,
        SourceHealth.Paused => Color.Secondary,
        _ => Color.Default,
    };

    private string SourceName(string source) => L.SourceName(source);

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
