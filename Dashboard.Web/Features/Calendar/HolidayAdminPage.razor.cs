using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Calendar;

/// <summary>
/// The working calendar's days off (national holidays and cuti bersama) for administrators: add a day the government
/// announced, correct a name or kind, withdraw a day. Each change is audited with its reason
/// (<see cref="HolidayAdministration"/>); complaint, letter and permit SLAs follow from their next computation.
/// </summary>
public sealed partial class HolidayAdminPage
{
    private IReadOnlyList<Holiday> _holidays = [];
    private IReadOnlyList<int> _years = [];
    private DateTime? _date;
    private HolidayKind _kind = HolidayKind.National;
    private string? _nameId;
    private string? _nameEn;
    private string? _reason;
    private string? _message;
    private bool _failed;

    /// <summary>The year shown (<c>?tahun=2026</c>); the current year when absent.</summary>
    [SupplyParameterFromQuery(Name = "tahun")]
    public int? Tahun { get; set; }

    [Inject]
    private IDbContextFactory<ReportingDbContext> Db { get; set; } = default!;

    [Inject]
    private HolidayAdministration Admin { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    private int SelectedYear => Tahun ?? Wib.Today(Time).Year;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        var year = SelectedYear;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        _holidays = await db.Set<Holiday>().AsNoTracking()
            .Where(h => h.RetiredAt == null && h.Date >= first && h.Date <= last)
            .OrderBy(h => h.Date).ToListAsync();
        var years = await db.Set<Holiday>().AsNoTracking().Where(h => h.RetiredAt == null).Select(h => h.Date.Year).Distinct().ToListAsync();
        _years = [.. years.Append(Wib.Today(Time).Year).Append(Wib.Today(Time).Year + 1).Distinct().Order()];
    }

    private async Task<string?> AdministratorAsync()
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        return (await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded ? user.Identity?.Name ?? "-" : null;
    }

    private async Task AddAsync()
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        if (_date is not { } date || string.IsNullOrWhiteSpace(_nameId) || string.IsNullOrWhiteSpace(_nameEn) || string.IsNullOrWhiteSpace(_reason))
        {
            Show(L["calendar.required"].Value, failed: true);
            return;
        }
        try
        {
            var day = DateOnly.FromDateTime(date);
            await Admin.AddAsync(day, _kind, _nameId, _nameEn, user, _reason, CancellationToken.None);
            Show(L["calendar.added", Format.Date(day)].Value, failed: false);
            _nameId = _nameEn = _reason = null;
            Tahun = day.Year;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Show(L["calendar.invalid", ex.Message].Value, failed: true);
        }
        await LoadAsync();
    }

    private async Task WithdrawAsync(Holiday holiday)
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(_reason))
        {
            Show(L["calendar.reasonRequired"].Value, failed: true);
            return;
        }
        if (await Admin.WithdrawAsync(holiday.Id, user, _reason, CancellationToken.None))
        {
            Show(L["calendar.withdrawn", Format.Date(holiday.Date)].Value, failed: false);
            _reason = null;
        }
        await LoadAsync();
    }

    private void Show(string message, bool failed)
    {
        _message = message;
        _failed = failed;
    }
}
