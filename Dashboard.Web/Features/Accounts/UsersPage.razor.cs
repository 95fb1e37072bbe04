using Dashboard.Ingest.Reporting;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Features.Accounts;

/// <summary>
/// Administrators manage accounts: create (with a first password), roles and OPD bindings, lock and unlock, disable
/// and enable, reset a password. Every change goes through <see cref="UserAdministration"/> (audited; open sessions of
/// the user pick it up at their next re-check).
/// </summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<UserRow>? _users;
    private UserForm? _form;
    private UserRow? _resetFor;
    private string _resetPassword = "";
    private List<string> _errors = [];
    private bool _busy;

    internal enum UserAction
    {
        Lock,
        Unlock,
        Disable,
        Enable,
    }

    private sealed class UserForm
    {
        public string? Id { get; init; }

        public string UserName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string Password { get; set; } = "";

        public HashSet<string> Roles { get; init; } = new(StringComparer.Ordinal);

        public HashSet<string> Opds { get; init; } = new(StringComparer.Ordinal);
    }

    [Inject]
    private UserAdministration Admin { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IOptions<AuthOptions> Options { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private static IReadOnlyList<Agency> Agencies => ReferenceData.Agencies;

    private int MinPasswordLength => Options.Value.MinPasswordLength;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _users = await Admin.ListAsync(CancellationToken.None);

    private void StartCreate()
    {
        _resetFor = null;
        _errors = [];
        _form = new UserForm();
    }

    private void StartEdit(UserRow user)
    {
        _resetFor = null;
        _errors = [];
        _form = new UserForm
        {
            Id = user.Id, UserName = user.UserName, DisplayName = user.DisplayName,
            Roles = new HashSet<string>(user.Roles, StringComparer.Ordinal), Opds = new HashSet<string>(user.Opds, StringComparer.Ordinal),
        };
    }

    private void StartReset(UserRow user)
    {
        _form = null;
        _errors = [];
        _resetPassword = "";
        _resetFor = user;
    }

    private void Cancel()
    {
        _form = null;
        _resetFor = null;
        _errors = [];
    }

    private void ToggleRole(string role, bool on)
    {
        if (on)
        {
            _form!.Roles.Add(role);
        }
        else
        {
            _form!.Roles.Remove(role);
        }
    }

    private void ToggleOpd(string code, bool on)
    {
        if (on)
        {
            _form!.Opds.Add(code);
        }
        else
        {
            _form!.Opds.Remove(code);
        }
    }

    private async Task SaveAsync()
    {
        var form = _form!;
        var opds = form.Roles.Contains(Roles.KepalaOpd) ? form.Opds.ToList() : [];
        var actor = await ActorAsync();
        await DoAsync(form.Id is null
            ? Admin.CreateAsync(actor, form.UserName, string.IsNullOrWhiteSpace(form.DisplayName) ? form.UserName : form.DisplayName, form.Password,
                [.. form.Roles], opds, CancellationToken.None)
            : Admin.SetRolesAsync(actor, form.Id, [.. form.Roles], opds, CancellationToken.None),
            L["accounts.users.saved", form.UserName]);
    }

    private async Task ResetAsync() =>
        await DoAsync(Admin.ResetPasswordAsync(await ActorAsync(), _resetFor!.Id, _resetPassword, CancellationToken.None),
            L["accounts.users.reset.done", _resetFor.UserName]);

    private async Task RunAsync(UserRow user, UserAction action)
    {
        var actor = await ActorAsync();
        var change = action switch
        {
            UserAction.Lock => Admin.SetLockedAsync(actor, user.Id, locked: true, CancellationToken.None),
            UserAction.Unlock => Admin.SetLockedAsync(actor, user.Id, locked: false, CancellationToken.None),
            UserAction.Disable => Admin.SetDisabledAsync(actor, user.Id, disabled: true, CancellationToken.None),
            _ => Admin.SetDisabledAsync(actor, user.Id, disabled: false, CancellationToken.None),
        };
        _form = null;
        _resetFor = null;
        await DoAsync(change, L["accounts.users.saved", user.UserName]);
        foreach (var error in _errors)
        {
            Snackbar.Add(error, Severity.Error);
        }
    }

    private async Task DoAsync(Task<AdminResult> change, string done)
    {
        _busy = true;
        try
        {
            var result = await change;
            if (result.Succeeded)
            {
                _form = null;
                _resetFor = null;
                _errors = [];
                Snackbar.Add(done, Severity.Success);
                await LoadAsync();
            }
            else
            {
                _errors = [.. result.Errors.Select(e => UserAdministration.Describe(L, e))];
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private string LockedText(DateTimeOffset until) =>
        until.Year > 9000 ? L["accounts.users.state.locked"] : L["accounts.users.state.lockeduntil", Format.WibDateTime(until)];

    private async Task<string> ActorAsync() =>
        AuthenticationState is null ? "?" : AccountEndpoints.Actor((await AuthenticationState).User);
}
