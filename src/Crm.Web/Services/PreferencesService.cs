using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Preferences;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>The signed-in user's own preferences (theme, notifications); nobody reads or writes anyone else's.</summary>
public sealed class PreferencesService(IGrainFactory grains)
{
    /// <summary>Raised on this web node after a user's preferences change, so their other open consoles repaint.</summary>
    public event Action<string, UserPreferences>? Changed;

    public Task<UserPreferences> GetAsync(WorkspaceUser user) => Grain(user).GetAsync();

    public async Task<UserPreferences> SetAsync(WorkspaceUser user, UserPreferences preferences)
    {
        var stored = await Grain(user).SetAsync(new SetUserPreferences(preferences, user.Actor));
        Changed?.Invoke(Key(user), stored);
        return stored;
    }

    public Task<PaneLayout> GetLayoutAsync(WorkspaceUser user) => Grain(user).GetLayoutAsync();

    public Task<PaneLayout> SetLayoutAsync(WorkspaceUser user, PaneLayout layout) => Grain(user).SetLayoutAsync(new SetPaneLayout(layout, user.Actor));

    public static string Key(WorkspaceUser user) => GrainKeys.Scoped(user.WorkspaceId, user.AgentId);

    private IUserPreferencesGrain Grain(WorkspaceUser user) => grains.GetGrain<IUserPreferencesGrain>(Key(user));
}
