namespace Crm.Grains.Abstractions.Preferences;

/// <summary>One console user's preferences (key: GrainKeys.Scoped(workspace, agent id)).</summary>
public interface IUserPreferencesGrain : IGrainWithStringKey
{
    /// <summary>The stored preferences, or <see cref="UserPreferences.Default"/> for someone who never chose.</summary>
    Task<UserPreferences> GetAsync();

    /// <summary>Stores the preferences; a value outside the enums is refused and nothing is stored.</summary>
    Task<UserPreferences> SetAsync(SetUserPreferences command);

    /// <summary>The stored pane layout, or <see cref="PaneLayout.Default"/> for someone who never moved a splitter.</summary>
    Task<PaneLayout> GetLayoutAsync();

    /// <summary>Stores the pane layout; widths out of range are refused and nothing is stored.</summary>
    Task<PaneLayout> SetLayoutAsync(SetPaneLayout command);
}
