using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>The signed-in user's own saved views of the CRM lists; the grain key is theirs, so nobody reads anyone else's.</summary>
public sealed class SavedViewService(IGrainFactory grains)
{
    public Task<IReadOnlyList<SavedView>> ListAsync(WorkspaceUser user, string list) => Grain(user).GetAsync(list);

    public Task<IReadOnlyList<SavedView>> SaveAsync(WorkspaceUser user, string list, SavedView view) =>
        Grain(user).SaveAsync(new SaveView(list, view, user.Actor));

    public Task<IReadOnlyList<SavedView>> DeleteAsync(WorkspaceUser user, string list, string name) =>
        Grain(user).DeleteAsync(new DeleteView(list, name, user.Actor));

    private ISavedViewsGrain Grain(WorkspaceUser user) =>
        grains.GetGrain<ISavedViewsGrain>(GrainKeys.Scoped(user.WorkspaceId, user.AgentId));
}
