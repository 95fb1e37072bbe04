using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Features.Walls;

/// <summary>
/// Administrators manage wall screens: register (the wall URL with its token is shown once), edit, rotate the token,
/// revoke; see each screen's heartbeat (last seen, resolution, app version, board on screen, state); send reload, next
/// board or identify to one screen. The open screens are re-read every few seconds.
/// </summary>
public sealed partial class WallAdminPage : IDisposable
{
    private static readonly TimeSpan PresenceRefresh = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<WallScreen>? _screens;
    private FormModel _form = new();
    private int? _editingId;
    private string? _error;
    private string? _newUrl;
    private string? _newUrlFor;
    private ITimer? _timer;

    [Inject] private WallScreenService Screens { get; set; } = default!;
    [Inject] private WallPresence Presence { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IOptions<WallOptions> Options { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private DashboardFormatter Format { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    // The boards not yet in the playlist, in the registry's order.
    private List<WallBoard> Addable => [.. WallBoards.All.Where(b => !_form.Boards.Contains(b))];

    protected override async Task OnInitializedAsync()
    {
        _screens = await Screens.ListAsync(_cts.Token);
        if (RendererInfo.IsInteractive)
        {
            _timer = Time.CreateTimer(static s => ((WallAdminPage)s!).Refresh(), this, PresenceRefresh, PresenceRefresh);
        }
    }

    private void Refresh() => _ = InvokeAsync(async () =>
    {
        try
        {
            _screens = await Screens.ListAsync(_cts.Token);
            StateHasChanged();
        }
        catch (OperationCanceledException)
        {
        }
    });

    private sealed record Row(WallScreen Screen, string State, DateTimeOffset? LastSeen, string? Resolution, string? Board);

    private IEnumerable<Row> Rows()
    {
        var now = Time.GetUtcNow();
        var fresh = TimeSpan.FromSeconds(Options.Value.HeartbeatSeconds * 2.5);
        foreach (var s in _screens ?? [])
        {
            var connections = Presence.Of(s.Id);
            var live = connections.Count > 0 ? connections[0] : null;
            var state = s.IsRevoked ? "revoked" : live is not null && now - live.LastBeatAt <= fresh ? "online" : "offline";
            var lastSeen = live?.LastBeatAt > s.LastSeenAt || s.LastSeenAt is null ? live?.LastBeatAt : s.LastSeenAt;
            yield return new Row(s, state, lastSeen, live?.Resolution ?? s.LastResolution, live?.Board ?? s.LastBoard);
        }
    }

    // "pendapatan@35.73.03" → "Pendapatan daerah · Lowokwaru".
    private string OnScreen(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "—";
        }
        var parts = key.Split('@', 2);
        var board = WallBoards.Find(parts[0]);
        var title = board is null ? parts[0] : L[board.TitleKey].Value;
        var region = parts.Length > 1 ? ReferenceData.Regions.FirstOrDefault(r => r.Code == parts[1])?.Name ?? parts[1] : null;
        return region is null ? title : $"{title} · {region}";
    }

    private static Color StateColor(string state) => state switch
    {
        "online" => Color.Success,
        "revoked" => Color.Error,
        _ => Color.Default,
    };

    private async Task<string> UserAsync() =>
        (AuthState is null ? null : (await AuthState).User.FindFirst(ClaimTypes.Name)?.Value) ?? "?";

    private async Task SaveAsync()
    {
        _error = null;
        var input = new WallScreenInput(
            _form.Name ?? "", _form.Location, [.. _form.Boards.Select(b => b.Id)],
            _form.RotateRegions, _form.RotationSeconds, _form.Light ? WallTheme.Light : WallTheme.Dark, _form.NightFrom, _form.NightUntil);
        try
        {
            var user = await UserAsync();
            if (_editingId is { } id)
            {
                await Screens.UpdateAsync(id, input, user, _cts.Token);
                Snackbar.Add(L["wall.admin.saved", input.Name].Value, Severity.Success);
            }
            else
            {
                var (screen, token) = await Screens.CreateAsync(input, user, _cts.Token);
                ShowUrl(screen.Name, token);
            }
            _form = new();
            _editingId = null;
            _screens = await Screens.ListAsync(_cts.Token);
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message.Split(" (Parameter", 2)[0];
        }
    }

    private void Edit(WallScreen s)
    {
        _editingId = s.Id;
        _form = new FormModel
        {
            Name = s.Name, Location = s.Location, Boards = [.. WallBoards.Parse(s.Boards)], RotationSeconds = s.RotationSeconds, RotateRegions = s.RotateRegions,
            Light = s.Theme == WallTheme.Light, NightFrom = s.NightFrom, NightUntil = s.NightUntil,
        };
    }

    private void CancelEdit()
    {
        _editingId = null;
        _form = new();
        _error = null;
    }

    private async Task RotateAsync(WallScreen s)
    {
        var token = await Screens.RotateTokenAsync(s.Id, await UserAsync(), _cts.Token);
        ShowUrl(s.Name, token);
        _screens = await Screens.ListAsync(_cts.Token);
    }

    private void AddBoard(ChangeEventArgs e)
    {
        if (WallBoards.Find(e.Value as string) is { } board && !_form.Boards.Contains(board))
        {
            _form.Boards.Add(board);
        }
    }

    private void Move(int index, int by)
    {
        var to = index + by;
        if (to < 0 || to >= _form.Boards.Count)
        {
            return;
        }
        (_form.Boards[index], _form.Boards[to]) = (_form.Boards[to], _form.Boards[index]);
    }

    private void Remove(int index) => _form.Boards.RemoveAt(index);

    // Revoking blanks a wall that may be showing the command room: the administrator confirms, seeing which screen.
    private async Task RevokeAsync(WallScreen s)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["wall.admin.revoke.title"].Value,
            L["wall.admin.revoke.confirm", s.Name, s.Location ?? "—"].Value,
            yesText: L["wall.admin.revoke"].Value, cancelText: L["wall.admin.cancel"].Value);
        if (confirmed != true)
        {
            return;
        }
        await Screens.RevokeAsync(s.Id, await UserAsync(), _cts.Token);
        Snackbar.Add(L["wall.admin.revoked", s.Name].Value, Severity.Info);
        _screens = await Screens.ListAsync(_cts.Token);
    }

    private async Task SendAsync(int id, WallCommand command)
    {
        var reached = await Presence.SendAsync(id, command);
        Snackbar.Add(L["wall.admin.sent", L["wall.command." + command].Value, reached].Value, reached > 0 ? Severity.Success : Severity.Warning);
    }

    private void ShowUrl(string name, string token)
    {
        _newUrlFor = name;
        _newUrl = WallExtensions.WallUrl(Navigation.BaseUri, token);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    private sealed class FormModel
    {
        public string? Name { get; set; }
        public string? Location { get; set; }
        public List<WallBoard> Boards { get; set; } = [WallBoards.Find(WallBoards.Overview)!];
        public int RotationSeconds { get; set; } = 60;
        public bool RotateRegions { get; set; }
        public bool Light { get; set; }
        public string? NightFrom { get; set; }
        public string? NightUntil { get; set; }
    }
}
