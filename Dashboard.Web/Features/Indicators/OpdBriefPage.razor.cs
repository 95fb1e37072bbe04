using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Dashboard.Web.Features.Indicators;

/// <summary>
/// The one-page brief of an OPD for the weekly evaluation meeting (<c>/ringkasan-opd/{opd}</c>): the status of each of
/// its indicators with their change over 7 and 30 days, the indicators measured for the OPD itself, the biggest changes
/// and the open alerts. Printed from the browser (its print stylesheet leaves only the brief) or saved as PDF there.
/// </summary>
public sealed partial class OpdBriefPage
{
    private OpdBrief? _brief;
    private IReadOnlyList<(Agency Agency, int Indicators)>? _owners;
    private bool _loaded;

    /// <summary>The OPD's code (<c>DISKOMINFO</c>); without one the page lists the OPDs.</summary>
    [Parameter]
    public string? Opd { get; set; }

    [CascadingParameter]
    private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthState { get; set; }

    private bool _refused;

    [Inject]
    private OpdBriefQueries Queries { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    private static bool English => !DashboardCultures.IsIndonesian(CultureInfo.CurrentUICulture);

    protected override async Task OnParametersSetAsync()
    {
        var reader = await Dashboard.Web.Auth.ReaderScope.OfAsync(AuthState);
        if (Opd is null)
        {
            // Only the briefs the reader may open; an agency head's own first (ReaderScope.BriefAgencies).
            var all = await Queries.OwnersAsync(CancellationToken.None);
            var counts = all.ToDictionary(x => x.Agency.Code, x => x.Indicators, StringComparer.Ordinal);
            _owners = [.. reader.BriefAgencies(counts.Keys).Select(a => (a, counts.GetValueOrDefault(a.Code)))];
            return;
        }
        // A Kepala OPD prints the brief of their own OPD only (docs/ARCHITECTURE.md "Access and scope").
        _refused = !reader.OwnsDetailOf(Opd);
        _brief = _refused ? null : await Queries.GetAsync(Opd, CancellationToken.None);
        _loaded = true;
    }

    private static string Name(BriefRow r) => English ? r.NameEn : r.NameId;

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}
