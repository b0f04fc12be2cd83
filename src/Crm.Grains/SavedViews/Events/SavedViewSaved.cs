using Crm.Grains.EventSourcing;

namespace Crm.Grains.SavedViews.Events;

[GenerateSerializer, Alias("crm.saved-views.saved-view-saved.v1")]
public sealed record SavedViewSaved(
    string List, string Name, IReadOnlyDictionary<string, string> Filters, string? Sort, IReadOnlyList<string> Columns) : DomainEvent;
