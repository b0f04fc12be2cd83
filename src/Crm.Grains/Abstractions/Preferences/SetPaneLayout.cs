namespace Crm.Grains.Abstractions.Preferences;

/// <summary>Replaces the user's pane layout as a whole.</summary>
[GenerateSerializer, Immutable, Alias("crm.preferences.set-pane-layout")]
public sealed record SetPaneLayout(PaneLayout Layout, string Actor);
