using System.Security.Claims;
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

public sealed partial class AlertBell : IDisposable
{
    internal const int MaxShown = 8;

    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<AlertRow>? _mine;
    private ClaimsPrincipal _user = new();
    private bool _canManage;
    private LiveSubscription? _live;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<AlertBell> Logger { get; set; } = default!;

    private int Firing => _mine?.Count(a => a.State == AlertState.Firing) ?? 0;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        if (_user.Identity?.IsAuthenticated != true)
        {
            return;
        }
        _canManage = (await Authorization.AuthorizeAsync(_user, Policies.Refresh)).Succeeded;
        // Every signed-in page carries the bell: half the pages' rate is plenty for a count.
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time, e => e is AlertsChanged, ReloadAsync,
            ex => Log.AlertsReloadFailed(Logger, ex), TimeSpan.FromMilliseconds(500));
        _mine = await LoadAsync(_cts.Token);
    }

    private async Task<IReadOnlyList<AlertRow>> LoadAsync(CancellationToken ct) =>
        [.. (await Queries.ListAsync(AlertFilter.Open, 200, ct)).Where(a => AlertAudience.Concerns(_user, a))];

    private async Task ReloadAsync(CancellationToken ct)
    {
        var mine = await LoadAsync(ct);
        await InvokeAsync(() =>
        {
            _mine = mine;
            StateHasChanged();
        });
    }

    internal static string KindIcon(AlertKind kind) => kind switch
    {
        AlertKind.SourceFailing => Icons.Material.Filled.SyncProblem,
        AlertKind.DataStale => Icons.Material.Filled.HourglassBottom,
        AlertKind.FollowUpOverdue => Icons.Material.Filled.AssignmentLate,
        AlertKind.SourceRule => Icons.Material.Filled.Gavel,
        _ => Icons.Material.Filled.TrendingDown,
    };

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}

internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Alerts could not be reloaded")]
    public static partial void AlertsReloadFailed(ILogger logger, Exception exception);
}
