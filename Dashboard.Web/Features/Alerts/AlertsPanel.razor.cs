using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.Alerts;

public sealed partial class AlertsPanel : IDisposable
{
    internal const int Limit = 100;

    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<AlertRow>? _rows;
    private AlertFilter _filter = AlertFilter.Open;
    private LiveSubscription? _live;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private AlertMonitor Monitor { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

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
    private ILogger<AlertsPanel> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time, e => e is AlertsChanged, ReloadAsync,
            ex => Log.AlertsReloadFailed(Logger, ex));
        _rows = await Queries.ListAsync(_filter, Limit, _cts.Token);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var rows = await Queries.ListAsync(_filter, Limit, ct);
        await InvokeAsync(() =>
        {
            _rows = rows;
            StateHasChanged();
        });
    }

    private async Task FilterAsync(AlertFilter filter)
    {
        _filter = filter;
        _rows = await Queries.ListAsync(_filter, Limit, _cts.Token);
    }

    private async Task AcknowledgeAsync(AlertRow alert)
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Refresh)).Succeeded)
        {
            return;
        }
        var parameters = new DialogParameters<AcknowledgeDialog> { { d => d.Summary, alert.Text } };
        var dialog = await Dialogs.ShowAsync<AcknowledgeDialog>(L["alerts.ack.title"].Value, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not string note)
        {
            return;
        }
        var done = await Monitor.AcknowledgeAsync(alert.Id, user.Identity?.Name ?? "anonim", note, _cts.Token);
        Snackbar.Add(L[done ? "alerts.ack.done" : "alerts.ack.gone"].Value, done ? Severity.Success : Severity.Info);
        _rows = await Queries.ListAsync(_filter, Limit, _cts.Token);
    }

    private string SourceName(string source) => L.SourceName(source);

    private static Color StateColor(AlertState state) => state switch
    {
        AlertState.Firing => Color.Error,
        AlertState.Acknowledged => Color.Warning,
        _ => Color.Success,
    };

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
