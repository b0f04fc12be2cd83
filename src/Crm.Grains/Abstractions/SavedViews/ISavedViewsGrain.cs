namespace Crm.Grains.Abstractions.SavedViews;

/// <summary>One console user's saved views of the customers, companies and deals lists (key: GrainKeys.Scoped(workspace, agent id)).</summary>
public interface ISavedViewsGrain : IGrainWithStringKey
{
    /// <summary>The user's views of <paramref name="list"/>, by name; an unknown list is refused.</summary>
    Task<IReadOnlyList<SavedView>> GetAsync(string list);

    /// <summary>Stores the view (a new name, or replacing one of the same name); over the limits nothing is stored.</summary>
    Task<IReadOnlyList<SavedView>> SaveAsync(SaveView command);

    /// <summary>Removes the named view; a name the user has not saved is a 404.</summary>
    Task<IReadOnlyList<SavedView>> DeleteAsync(DeleteView command);
}
