namespace Crm.Grains.Abstractions.SavedViews;

/// <summary>Removes the user's view named <paramref name="Name"/> from <paramref name="List"/>.</summary>
[GenerateSerializer, Immutable, Alias("crm.saved-views.delete-view")]
public sealed record DeleteView(string List, string Name, string Actor);
