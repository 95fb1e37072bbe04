using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Refresh;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.Indicators;

/// <summary>
/// Administrators' panel on the indicator page: set a target for an APBD year, triwulan or month (with a reason),
/// withdraw one, the history of targets set in the app, and the indicator's metadata. Every change goes through
/// <see cref="IndicatorAdministration"/>, which audits it; the Administer policy is checked again on the server.
/// </summary>
public sealed partial class IndicatorAdminPanel
{
    private TargetPeriod _periodType = TargetPeriod.Year;
    private int _year;
    private int _index = 1;
    private double? _value;
    private string? _reason;
    private MetadataForm _meta = new();
    private string? _metaReason;
    private string? _message;
    private Severity _severity = Severity.Success;
    private string? _loadedFor;
    private DateOnly _annotationDate;
    private string? _annotationText;
    private bool _annotationWholeSource;

    [Parameter, EditorRequired]
    public IndicatorDefinition Definition { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<IndicatorTarget> History { get; set; } = [];

    /// <summary>The annotations in the page's trend window (administrators' ones can be removed here).</summary>
    [Parameter]
    public IReadOnlyList<TrendAnnotation> Annotations { get; set; } = [];

    /// <summary>Called after a change was saved, so that the page reloads.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Inject]
    private IndicatorAdministration Admin { get; set; } = default!;

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

    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Definition);
        // The form keeps what the administrator is typing across live reloads of the same indicator.
        if (_loadedFor != Definition.Code)
        {
            _loadedFor = Definition.Code;
            _year = Wib.Today(Time).Year;
            _annotationDate = Wib.Today(Time);
            _meta = MetadataForm.From(Definition);
        }
    }

    private async Task<string?> AdministratorAsync()
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        return (await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded ? user.Identity?.Name ?? RefreshButton.AnonymousUser : null;
    }

    private async Task SetTargetAsync()
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        if (_value is not { } value || string.IsNullOrWhiteSpace(_reason))
        {
            Fail(L["indicator.admin.required"].Value);
            return;
        }
        try
        {
            var target = await Admin.SetTargetAsync(Definition.Code, _periodType, _year, _index, value, user, _reason, CancellationToken.None);
            Done(L["indicator.admin.targetSaved", IndicatorAdministration.Describe(target.Period, target.PeriodStart), Format.Value(value, Definition.Unit)].Value);
            _value = null;
            _reason = null;
        }
        catch (ArgumentException ex)
        {
            Fail(L["indicator.admin.invalid", ex.Message].Value);
            return;
        }
        await OnChanged.InvokeAsync();
    }

    private async Task WithdrawAsync(IndicatorTarget target)
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(_reason))
        {
            Fail(L["indicator.admin.reasonRequired"].Value);
            return;
        }
        await Admin.WithdrawTargetAsync(Definition.Code, target.Period, target.PeriodStart, user, _reason, CancellationToken.None);
        Done(L["indicator.admin.withdrawn", IndicatorAdministration.Describe(target.Period, target.PeriodStart)].Value);
        _reason = null;
        await OnChanged.InvokeAsync();
    }

    private async Task SaveMetadataAsync()
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(_metaReason))
        {
            Fail(L["indicator.admin.reasonRequired"].Value);
            return;
        }
        try
        {
            var changed = await Admin.UpdateMetadataAsync(Definition.Code, _meta.ToEdit(), user, _metaReason, CancellationToken.None);
            Done(L[changed ? "indicator.admin.metadataSaved" : "indicator.admin.metadataUnchanged"].Value);
            _metaReason = null;
        }
        catch (ArgumentException ex)
        {
            Fail(L["indicator.admin.invalid", ex.Message].Value);
            return;
        }
        _loadedFor = null;
        await OnChanged.InvokeAsync();
    }

    private async Task AddAnnotationAsync()
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(_annotationText))
        {
            Fail(L["indicator.admin.annotationRequired"].Value);
            return;
        }
        await Admin.AddAnnotationAsync(Definition.Code, _annotationDate, _annotationText, _annotationWholeSource, user, CancellationToken.None);
        Done(L["indicator.admin.annotationAdded", Format.Date(_annotationDate)].Value);
        _annotationText = null;
        await OnChanged.InvokeAsync();
    }

    private async Task RemoveAnnotationAsync(long id)
    {
        if (await AdministratorAsync() is not { } user)
        {
            return;
        }
        await Admin.RemoveAnnotationAsync(id, user, CancellationToken.None);
        Done(L["indicator.admin.annotationRemoved"].Value);
        await OnChanged.InvokeAsync();
    }

    private void Done(string message) => (_message, _severity) = (message, Severity.Success);

    private void Fail(string message) => (_message, _severity) = (message, Severity.Warning);

    /// <summary>The metadata form's fields (tolerance in percent, as people write it).</summary>
    private sealed class MetadataForm
    {
        public string NameId { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string DefinitionId { get; set; } = "";
        public string DefinitionEn { get; set; } = "";
        public string Formula { get; set; } = "";
        public string OwnerOpd { get; set; } = "";
        public string? LegalBasis { get; set; }
        public string? Notes { get; set; }
        public int FreshnessMinutes { get; set; }
        public double TolerancePct { get; set; }
        public bool Cumulative { get; set; }

        public static MetadataForm From(IndicatorDefinition d) => new()
        {
            NameId = d.NameId, NameEn = d.NameEn, DefinitionId = d.DefinitionId, DefinitionEn = d.DefinitionEn, Formula = d.Formula,
            OwnerOpd = d.OwnerOpd, LegalBasis = d.LegalBasis, Notes = d.Notes, FreshnessMinutes = d.FreshnessMinutes,
            TolerancePct = Math.Round(d.Tolerance * 100, 4), Cumulative = d.Cumulative,
        };

        public IndicatorMetadataEdit ToEdit() => new()
        {
            NameId = NameId, NameEn = NameEn, DefinitionId = DefinitionId, DefinitionEn = DefinitionEn, Formula = Formula,
            OwnerOpd = OwnerOpd, LegalBasis = LegalBasis, Notes = Notes, FreshnessMinutes = FreshnessMinutes,
            Tolerance = Math.Round(TolerancePct / 100, 6), Cumulative = Cumulative,
        };
    }
}
