using MudBlazor;

namespace Crm.Web.Components.Layout;

/// <summary>The console's palette: every colour in the app comes from here.</summary>
public static class CrmTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5bd3",
            Secondary = "#00897b",
            AppbarBackground = "#1f2a44",
        },
    };
}
