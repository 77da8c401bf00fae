using MudBlazor;

namespace Kaarya.Web.Components.Layout;

/// <summary>A calm light theme with good contrast; system fonts, nothing fetched from the internet.</summary>
public static class KaaryaTheme
{
    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f5b",
            Secondary = "#8a5a00",
            AppbarBackground = "#1f5f5b",
            Background = "#fbfaf7",
            Success = "#2e7d32",
            Error = "#b3261e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Noto Sans Bengali", "sans-serif"],
            },
        },
    };
}
