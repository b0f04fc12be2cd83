using Crm.Grains.EventSourcing;

namespace Crm.Grains.Preferences.Events;

[GenerateSerializer, Alias("crm.preferences.user-preferences-changed.v1")]
public sealed record UserPreferencesChanged(string Theme, bool BrowserNotifications, bool Sound) : DomainEvent;
