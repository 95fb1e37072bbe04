using System.Globalization;
using Dashboard.Web.Components.Theme;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The app shell: app bar with the language switch and the wall (dark) theme toggle (remembered per account by
/// <see cref="ThemePreference"/>), the navigation drawer, and the marker browser tests wait on before they click.
/// </summary>
public sealed partial class MainLayout
{
    private static readonly (string Culture, string Label)[] Languages =
        [(DashboardCultures.Indonesian, "ID"), (DashboardCultures.English, "EN")];

    private bool _drawerOpen = true;
    private bool _isDarkMode;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    /// <summary>
    /// <c>?tema=gelap</c> (or <c>?tema=dinding</c>) opens the page in the dark wall theme, so that a wall
    /// screen's URL alone decides how it looks.
    /// </summary>
    [SupplyParameterFromQuery(Name = "tema")]
    private string? ThemeQuery { get; set; }

    [Inject]
    private ThemePreference Themes { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool ThemeFromQuery => ThemeQuery is "gelap" or "dinding" or "dark" or "wall";

    // The URL decides first (a shared link, a wall tab); otherwise the person's remembered choice.
    protected override async Task OnInitializedAsync()
    {
        if (ThemeFromQuery)
        {
            _isDarkMode = true;
            return;
        }
        if (AuthenticationState is not null)
        {
            _isDarkMode = await Themes.IsDarkAsync((await AuthenticationState).User);
        }
    }

    private static bool IsCurrent(string culture) =>
        string.Equals(CultureInfo.CurrentUICulture.Name, culture, StringComparison.OrdinalIgnoreCase);

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        _isDarkMode = !_isDarkMode;
        if (AuthenticationState is not null)
        {
            await Themes.SetAsync((await AuthenticationState).User, _isDarkMode);
        }
    }

    // The culture is fixed per circuit (taken from the cookie at connect time), so switching needs a full load.
    private void SwitchLanguage(string culture)
    {
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        var target = $"culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(here)}";
        Navigation.NavigateTo(target, forceLoad: true);
    }
}
