using MudBlazor;

namespace Kaarya.Web.Components.Layout;

/// <summary>
/// A calm light theme with good contrast (every colour that carries text meets WCAG AA, checked by
/// axe-core in the browser tests); Noto Sans Bengali shipped with the app for Bengali, system fonts
/// for the rest, nothing fetched from the internet (docs/decisions/0013).
/// </summary>
public static class KaaryaTheme
{
    /// <summary>
    /// Bengali text in the Noto Sans Bengali the app serves (wwwroot/fonts, declared in app.css only
    /// for Bengali code points); Latin text in the device's own font.
    /// </summary>
    private static readonly string[] FontFamily = ["Noto Sans Bengali", "system-ui", "-apple-system", "Segoe UI", "Noto Sans", "sans-serif"];

    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f5b",
            Secondary = "#8a5a00",
            AppbarBackground = "#1f5f5b",
            Background = "#fbfaf7",
            Success = "#256b29",
            Error = "#b3261e",

            // MudBlazor's amber and light blue carry white text at under 3:1, and its grey labels
            // and helper text fall just under 4.5:1 on the page's warm background. A snackbar is
            // slightly see-through, so its green and amber are darker still than 4.5:1 needs.
            Warning = "#9a4608",
            Info = "#1565c0",
            TextSecondary = "#5c5c5c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
        },
    };
}
