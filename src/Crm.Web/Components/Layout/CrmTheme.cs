using MudBlazor;

namespace Crm.Web.Components.Layout;

/// <summary>
/// The console's palettes, light and dark: every colour in the app comes from here. Text colours and the status
/// colours used as text (warning, success, error, info) keep a WCAG AA contrast of at least 4.5:1 on the background
/// and surface of their own palette.
/// </summary>
public static class CrmTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5bd3",
            Secondary = "#00695c",
            Tertiary = "#6a1b9a",
            Info = "#1565c0",
            Success = "#1b7a34",
            Warning = "#9a5800",
            Error = "#c62828",
            AppbarBackground = "#1f2a44",
            Background = "#f7f8fa",
            Surface = "#ffffff",
            TextSecondary = "rgba(0,0,0,0.66)",
            ActionDefault = "rgba(0,0,0,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8fb0ff",
            PrimaryContrastText = "#0b1530",
            Secondary = "#4db6ac",
            SecondaryContrastText = "#00201c",
            Tertiary = "#ce93d8",
            Info = "#64b5f6",
            InfoContrastText = "#061a2c",
            Success = "#66bb6a",
            SuccessContrastText = "#0a1f0b",
            Warning = "#ffb74d",
            WarningContrastText = "#2a1800",
            Error = "#ef9a9a",
            ErrorContrastText = "#2c0707",
            AppbarBackground = "#161a22",
            AppbarText = "rgba(255,255,255,0.92)",
            Background = "#121417",
            Surface = "#1c1f24",
            DrawerBackground = "#181b20",
            DrawerText = "rgba(255,255,255,0.88)",
            DrawerIcon = "rgba(255,255,255,0.80)",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.72)",
            ActionDefault = "rgba(255,255,255,0.80)",
            LinesDefault = "rgba(255,255,255,0.16)",
            LinesInputs = "rgba(255,255,255,0.45)",
        },
    };
}
