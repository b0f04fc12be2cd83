namespace Crm.Grains.Abstractions.Inbox;

[GenerateSerializer, Alias("crm.inbox.inbox-view")]
public enum InboxView
{
    All = 0,

    /// <summary>Assigned to the asking agent.</summary>
    Mine = 1,

    /// <summary>Assigned to nobody.</summary>
    Unassigned = 2,
}
