namespace Crm.Grains.Abstractions.Preferences;

/// <summary>
/// One console user's own settings: colours, and how notifications reach them beyond the in-app centre (a browser
/// notification while the tab is in the background; a sound, off by default).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.preferences.user-preferences")]
public sealed record UserPreferences(ThemeMode Theme = ThemeMode.System, bool BrowserNotifications = false, bool Sound = false)
{
    public static readonly UserPreferences Default = new();
}
