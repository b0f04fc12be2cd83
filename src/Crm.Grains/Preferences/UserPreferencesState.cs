using Crm.Grains.Abstractions.Preferences;
using Crm.Grains.EventSourcing;
using Crm.Grains.Preferences.Events;

namespace Crm.Grains.Preferences;

public sealed class UserPreferencesState : IEventSourcedState
{
    public UserPreferences Current { get; private set; } = UserPreferences.Default;

    public PaneLayout Layout { get; private set; } = PaneLayout.Default;

    public void Apply(DomainEvent @event)
    {
        if (@event is PaneLayoutChanged layout)
            Layout = new PaneLayout(layout.ListWidth, layout.ContextWidth, layout.ListFolded, layout.ContextFolded);
        if (@event is UserPreferencesChanged e)
            // Stored by name, so a renumbered enum never changes anyone's colours; an unknown name falls back to the OS.
            Current = new UserPreferences(Enum.TryParse<ThemeMode>(e.Theme, out var theme) ? theme : ThemeMode.System, e.BrowserNotifications, e.Sound);
    }
}
