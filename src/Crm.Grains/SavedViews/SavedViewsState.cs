using Crm.Grains.Abstractions.SavedViews;
using Crm.Grains.EventSourcing;
using Crm.Grains.SavedViews.Events;

namespace Crm.Grains.SavedViews;

public sealed class SavedViewsState : IEventSourcedState
{
    private readonly Dictionary<string, SortedDictionary<string, SavedView>> _lists = new(StringComparer.Ordinal);

    public IReadOnlyList<SavedView> Of(string list) =>
        _lists.TryGetValue(list, out var views) ? views.Values.ToList() : [];

    public bool Has(string list, string name) => _lists.TryGetValue(list, out var views) && views.ContainsKey(name);

    public int Count(string list) => _lists.TryGetValue(list, out var views) ? views.Count : 0;

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case SavedViewSaved e:
                // Names compare case-insensitively, so "Hot leads" replaces "hot leads" rather than sitting beside it.
                var views = _lists.TryGetValue(e.List, out var found) ? found
                    : _lists[e.List] = new SortedDictionary<string, SavedView>(StringComparer.OrdinalIgnoreCase);
                views.Remove(e.Name);
                views[e.Name] = new SavedView(e.Name, e.Filters, e.Sort, e.Columns);
                break;
            case SavedViewDeleted e when _lists.TryGetValue(e.List, out var list):
                list.Remove(e.Name);
                break;
        }
    }
}
