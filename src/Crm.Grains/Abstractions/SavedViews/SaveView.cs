namespace Crm.Grains.Abstractions.SavedViews;

/// <summary>Stores <paramref name="View"/> on <paramref name="List"/>, replacing the user's view of the same name (case-insensitive).</summary>
[GenerateSerializer, Immutable, Alias("crm.saved-views.save-view")]
public sealed record SaveView(string List, SavedView View, string Actor);
