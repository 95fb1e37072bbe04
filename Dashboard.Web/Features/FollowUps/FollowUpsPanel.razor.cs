using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.FollowUps;

/// <summary>
/// The follow-ups of one agency (<see cref="Opd"/>) or of every agency (null), for the agency head's home, the
/// <c>/tindak-lanjut</c> page, the meeting and the mayor's overview. A Kepala OPD only ever sees their own agency's, whatever
/// <see cref="Opd"/> says (item lists are own-agency only). Live: reloads when a follow-up of the agency changes.
/// </summary>
public sealed partial class FollowUpsPanel : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<long, IReadOnlyList<FollowUpHistoryRow>> _history = [];
    private IReadOnlyList<FollowUpRow>? _rows;
    private FollowUpFilter _filter = FollowUpFilter.Active;
    private FollowUpActor? _actor;
    private string? _opd;
    private LiveSubscription? _live;

    /// <summary>The agency (OPD code) whose follow-ups are listed; null for every agency.</summary>
    [Parameter]
    public string? Opd { get; set; }

    /// <summary>The title, filter and assign button above the list.</summary>
    [Parameter]
    public bool ShowHeader { get; set; } = true;

    [Parameter]
    public string? Title { get; set; }

    /// <summary>At most this many rows.</summary>
    [Parameter]
    public int Take { get; set; } = 200;

    [Inject]
    private FollowUpQueries Queries { get; set; } = default!;

    [Inject]
    private FollowUpService Service { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<FollowUpsPanel> Logger { get; set; } = default!;

    protected override void OnInitialized() =>
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time,
            e => e is FollowUpsChanged changed && (_opd is null || string.Equals(changed.Opd, _opd, StringComparison.OrdinalIgnoreCase)),
            ReloadAsync, ex => Log.ReloadFailed(Logger, ex));

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        _actor = FollowUpActors.Of(user);
        _opd = FollowUpActors.OwnOpd(user) ?? Opd?.ToUpperInvariant();
        _rows = await Queries.ListAsync(_opd, _filter, Take, _cts.Token);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var rows = await Queries.ListAsync(_opd, _filter, Take, ct);
        var open = _history.Keys.ToList();
        foreach (var id in open)
        {
            _history[id] = await Queries.HistoryAsync(id, ct);
        }
        await InvokeAsync(() =>
        {
            _rows = rows;
            StateHasChanged();
        });
    }

    private async Task FilterAsync(FollowUpFilter filter)
    {
        _filter = filter;
        _rows = await Queries.ListAsync(_opd, _filter, Take, _cts.Token);
    }

    private async Task ToggleHistoryAsync(long id)
    {
        if (!_history.Remove(id))
        {
            _history[id] = await Queries.HistoryAsync(id, _cts.Token);
        }
    }

    private async Task MoveAsync(FollowUpRow row, FollowUpAction action)
    {
        var required = action is FollowUpAction.Done or FollowUpAction.Reopened;
        var parameters = new DialogParameters<NoteDialog>
        {
            { d => d.Summary, $"#{row.Id} {row.Opd}: {row.Expected}" },
            { d => d.Action, L[ActionKey(action)].Value },
            { d => d.Required, required },
        };
        var dialog = await Dialogs.ShowAsync<NoteDialog>(L[ActionKey(action)].Value, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not string note || _actor is null)
        {
            return;
        }
        try
        {
            var task = action switch
            {
                FollowUpAction.Started => Service.StartAsync(_actor, row.Id, note, _cts.Token),
                FollowUpAction.Done => Service.CompleteAsync(_actor, row.Id, note, _cts.Token),
                FollowUpAction.Reopened => Service.ReopenAsync(_actor, row.Id, note, _cts.Token),
                _ => Service.AcceptAsync(_actor, row.Id, note, _cts.Token),
            };
            await task;
        }
        catch (Exception ex) when (ex is FollowUpDeniedException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            Snackbar.Add(L["followup.failed", ex.Message].Value, Severity.Error);
        }
        await ReloadAsync(_cts.Token);
    }

    private static string ActionKey(FollowUpAction action) => action switch
    {
        FollowUpAction.Started => "followup.start",
        FollowUpAction.Done => "followup.done",
        FollowUpAction.Reopened => "followup.reopen",
        _ => "followup.accept",
    };

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
