using MudBlazor;

namespace Dashboard.Web.Components.Theme;

/// <summary>
/// The dashboard's one MudBlazor theme: <see cref="MudTheme.PaletteLight"/> for desks and laptops, and
/// <see cref="MudTheme.PaletteDark"/> for the command-room wall (deep background against burn-in and glare,
/// status colours bright enough to read across a room). Fonts are the system's: the app runs offline.
/// </summary>
public static class DashboardTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#00796b",
            AppbarBackground = "#0b3d6b",
            AppbarText = "#ffffff",
            Background = "#f4f6f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#ef6c00",
            Error = "#c62828",
            Info = "#546e7a",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            AppbarBackground = "#0d131a",
            AppbarText = "#e6edf3",
            Background = "#070b10",
            Surface = "#111922",
            DrawerBackground = "#0d131a",
            Success = "#4caf50",
            Warning = "#ffa726",
            Error = "#ef5350",
            Info = "#90a4ae",
            TextPrimary = "#e6edf3",
            TextSecondary = "rgba(230,237,243,0.72)",
            LinesDefault = "rgba(230,237,243,0.14)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
        },
    };
}
