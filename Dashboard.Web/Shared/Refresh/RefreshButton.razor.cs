using System.Security.Claims;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Shared.Refresh;

/// <summary>
/// The one "refresh now" of every domain page: the button for the Refresh policy, the dialog that asks why, the
/// request (recorded with who and why) and a snackbar with the queued job or the failure.
/// </summary>
public sealed partial class RefreshButton : IDisposable
{
    internal const string AnonymousUser = "anonim";

    private readonly CancellationTokenSource _cts = new();
    private bool _requesting;

    /// <summary>The source to refresh (<c>Complaints</c>).</summary>
    [Parameter, EditorRequired]
    public string Source { get; set; } = "";

    [Inject]
    private IRefreshRequests RefreshRequests { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private SourceControl Control { get; set; } = default!;

    [Inject]
    private ILogger<RefreshButton> Logger { get; set; } = default!;

    private async Task OpenAsync()
    {
        // The button is only rendered for the policy; checked again here because the handler is the action.
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Refresh)).Succeeded)
        {
            return;
        }
        var parameters = new DialogParameters<RefreshDialog> { { d => d.SourceName, SourceName() } };
        var dialog = await Dialogs.ShowAsync<RefreshDialog>(L["refresh.title"].Value, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not string reason)
        {
            return;
        }

        _requesting = true;
        try
        {
            var userName = UserName(user);
            var jobId = await RefreshRequests.RequestAsync(Source, userName, reason, _cts.Token);
            Log.RefreshRequested(Logger, Source, userName, jobId);
            await Control.RecordRefreshAsync(Source, userName, reason, jobId, CancellationToken.None);
            Snackbar.Add(L["refresh.queued", jobId].Value, Severity.Success);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RefreshRequestFailed(Logger, Source, ex);
            Snackbar.Add(L["refresh.failed", ex.Message].Value, Severity.Error);
        }
        finally
        {
            _requesting = false;
        }
    }

    private static string UserName(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : AnonymousUser;

    private string SourceName() => L.SourceName(Source);

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}

internal static partial class Log
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Refresh of {Source} requested by {User}: job {JobId}")]
    public static partial void RefreshRequested(ILogger logger, string source, string user, string jobId);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Refresh of {Source} could not be requested")]
    public static partial void RefreshRequestFailed(ILogger logger, string source, Exception exception);
}
