using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.SavedViews.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.SavedViews;

public sealed class SavedViewsGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<SavedViewsState>(store, clock), ISavedViewsGrain
{
    protected override string StreamId
    {
        get
        {
            var (workspaceId, agentId) = GrainKeys.Parse(this.GetPrimaryKeyString());
            return StreamIds.For(StreamIds.SavedViewsCategory, workspaceId, agentId);
        }
    }

    public Task<IReadOnlyList<SavedView>> GetAsync(string list) => Task.FromResult(State.Of(SavedViewRules.RequireList(list)));

    public async Task<IReadOnlyList<SavedView>> SaveAsync(SaveView command)
    {
        var list = SavedViewRules.RequireList(command.List);
        var view = SavedViewRules.Normalize(command.View);
        if (!State.Has(list, view.Name) && State.Count(list) >= SavedViewLists.MaxViews)
            throw new DomainException(DomainErrorKind.Invalid, $"You have {SavedViewLists.MaxViews} views of {list}, the most there can be; delete one first.");
        if (!State.Of(list).Any(v => SameView(v, view)))
            await RaiseAsync(command.Actor, new SavedViewSaved(list, view.Name, view.Filters, view.Sort, view.Columns));
        return State.Of(list);
    }

    public async Task<IReadOnlyList<SavedView>> DeleteAsync(DeleteView command)
    {
        var list = SavedViewRules.RequireList(command.List);
        var name = SavedViewRules.RequireName(command.Name);
        if (!State.Has(list, name)) throw new DomainException(DomainErrorKind.NotFound, $"You have no view of {list} named '{name}'.");
        await RaiseAsync(command.Actor, new SavedViewDeleted(list, name));
        return State.Of(list);
    }

    // Saving the same view again stores nothing: a double click makes one event, not two.
    private static bool SameView(SavedView a, SavedView b) =>
        a.Name == b.Name && a.Sort == b.Sort && a.Columns.SequenceEqual(b.Columns)
        && a.Filters.Count == b.Filters.Count && a.Filters.All(f => b.Filters.TryGetValue(f.Key, out var v) && v == f.Value);
}
