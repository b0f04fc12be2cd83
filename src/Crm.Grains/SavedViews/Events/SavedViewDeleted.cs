using Crm.Grains.EventSourcing;

namespace Crm.Grains.SavedViews.Events;

[GenerateSerializer, Alias("crm.saved-views.saved-view-deleted.v1")]
public sealed record SavedViewDeleted(string List, string Name) : DomainEvent;
