using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.FollowUps;

/// <summary>
/// The presenter of the weekly evaluation meeting (<c>/rapat</c>): steps through the agencies on the agenda, one screen each
/// (→/PageDown/Space next, ←/PageUp previous), records the meeting (its date is what the next meeting compares with), puts
/// the agency on screen on the walls that follow the meeting, and turns a decision into a follow-up in one action. Live.
/// </summary>
public sealed partial class MeetingPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly HashSet<string> _picked = new(StringComparer.Ordinal);
    private ElementReference _root;
    private IReadOnlyList<AgendaItem>? _agenda;
    private MeetingAgency? _current;
    private EvaluationMeeting? _meeting;
    private DateOnly? _lastMeeting;
    private int _index;
    private string? _decision;
    private DateOnly _due;
    private bool _typing;
    private bool _focused;
    private LiveSubscription? _live;

    [Inject]
    private MeetingQueries Queries { get; set; } = default!;

    [Inject]
    private FollowUpService Service { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<MeetingPage> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        _due = Wib.DateOf(Time.GetUtcNow()).AddDays(7);
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time,
            e => e is FollowUpsChanged or IndicatorsChanged, ReloadAsync, ex => Log.MeetingReloadFailed(Logger, ex));
    }

    protected override async Task OnInitializedAsync()
    {
        // A presenter that reloads resumes the meeting running today, at the agency on screen.
        _meeting = await Queries.RunningAsync(_cts.Token);
        await LoadAgendaAsync(_meeting?.CurrentOpd, _cts.Token);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focused && _agenda is not null)
        {
            _focused = true;
            await _root.FocusAsync();
        }
    }

    private async Task LoadAgendaAsync(string? opd, CancellationToken ct)
    {
        _lastMeeting = await Queries.LastMeetingAsync(ct);
        _agenda = await Queries.AgendaAsync(ct);
        if (opd is not null && _agenda.ToList().FindIndex(a => a.Opd == opd) is var i and >= 0)
        {
            _index = i;
        }
        _index = Math.Clamp(_index, 0, Math.Max(0, _agenda.Count - 1));
        _current = _agenda.Count == 0 ? null : await Queries.AgencyAsync(_agenda[_index].Opd, _lastMeeting, ct);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var opd = _agenda is { Count: > 0 } ? _agenda[_index].Opd : null;
        var agenda = await Queries.AgendaAsync(ct);
        // The agency on screen stays on the agenda while it is discussed, even if its last item was just settled.
        if (opd is not null && agenda.All(a => a.Opd != opd) && _agenda!.FirstOrDefault(a => a.Opd == opd) is { } kept)
        {
            agenda = [.. agenda.Append(kept).OrderBy(a => Dashboard.Ingest.Reporting.ReferenceData.Agencies.ToList().FindIndex(x => x.Code == a.Opd))];
        }
        var index = opd is null ? 0 : Math.Max(0, agenda.ToList().FindIndex(a => a.Opd == opd));
        var current = agenda.Count == 0 ? null : await Queries.AgencyAsync(agenda[index].Opd, _lastMeeting, ct);
        await InvokeAsync(() =>
        {
            _agenda = agenda;
            _index = index;
            _current = current;
            StateHasChanged();
        });
    }

    private async Task OnKeyAsync(KeyboardEventArgs e)
    {
        if (_typing)
        {
            return;
        }
        switch (e.Key)
        {
            case "ArrowRight" or "PageDown" or " ":
                await StepAsync(1);
                break;
            case "ArrowLeft" or "PageUp":
                await StepAsync(-1);
                break;
        }
    }

    private Task StepAsync(int delta) => GoAsync(_index + delta);

    private async Task GoAsync(int index)
    {
        if (_agenda is not { Count: > 0 } || index < 0 || index >= _agenda.Count)
        {
            return;
        }
        _index = index;
        _picked.Clear();
        _decision = null;
        _current = await Queries.AgencyAsync(_agenda[_index].Opd, _lastMeeting, _cts.Token);
        if (_meeting is not null)
        {
            await Service.ShowAsync(_meeting.Id, _agenda[_index].Opd, _cts.Token);
        }
    }

    private async Task StartAsync()
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        _meeting = await Service.StartMeetingAsync(FollowUpActors.Of(user), _cts.Token);
        await LoadAgendaAsync(_agenda is { Count: > 0 } ? _agenda[_index].Opd : null, _cts.Token);
        if (_agenda is { Count: > 0 })
        {
            await Service.ShowAsync(_meeting.Id, _agenda[_index].Opd, _cts.Token);
        }
        _focused = false;
    }

    private async Task EndAsync()
    {
        if (_meeting is null)
        {
            return;
        }
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        await Service.EndMeetingAsync(FollowUpActors.Of(user), _meeting.Id, _cts.Token);
        _meeting = null;
    }

    /// <summary>The decision becomes a follow-up of the agency on screen, with the ticked indicators, in one action.</summary>
    private async Task DecideAsync()
    {
        if (_meeting is null || _current is null || string.IsNullOrWhiteSpace(_decision))
        {
            return;
        }
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        try
        {
            var id = await Service.AssignAsync(FollowUpActors.Of(user),
                new FollowUpRequest(_current.Agency.Code, _decision.Trim(), [.. _picked], _due) { MeetingId = _meeting.Id }, _cts.Token);
            Snackbar.Add(L["followup.assign.done", id, _current.Agency.Code].Value, Severity.Success);
            _decision = null;
            _picked.Clear();
            _current = await Queries.AgencyAsync(_current.Agency.Code, _lastMeeting, _cts.Token);
        }
        catch (Exception ex) when (ex is FollowUpDeniedException or ArgumentException)
        {
            Snackbar.Add(L["followup.failed", ex.Message].Value, Severity.Error);
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
