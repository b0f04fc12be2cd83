namespace Crm.Grains.Abstractions.Preferences;

/// <summary>Replaces the user's preferences as a whole.</summary>
[GenerateSerializer, Immutable, Alias("crm.preferences.set-user-preferences")]
public sealed record SetUserPreferences(UserPreferences Preferences, string Actor);
