namespace Crm.Grains.Abstractions.Notifications;

/// <summary>Marks the notifications with these ids read, or every one when <see cref="All"/> is set.</summary>
[GenerateSerializer, Immutable, Alias("crm.notifications.mark-notifications-read")]
public sealed record MarkNotificationsRead(IReadOnlyList<string> Ids, bool All, string Actor)
{
    /// <summary>At most this many ids in one command: the centre never shows more.</summary>
    public const int MaxIds = INotificationsGrain.Keep;
}
