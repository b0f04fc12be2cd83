using Crm.Grains.EventSourcing;

namespace Crm.Grains.Preferences.Events;

[GenerateSerializer, Alias("crm.preferences.pane-layout-changed.v1")]
public sealed record PaneLayoutChanged(int ListWidth, int ContextWidth, bool ListFolded, bool ContextFolded) : DomainEvent;
