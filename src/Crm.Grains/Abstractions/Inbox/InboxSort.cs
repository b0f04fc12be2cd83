namespace Crm.Grains.Abstractions.Inbox;

[GenerateSerializer, Alias("crm.inbox.inbox-sort")]
public enum InboxSort
{
    /// <summary>Most recent activity first.</summary>
    LatestActivity = 0,

    /// <summary>The customer who has waited longest for a reply first; conversations nobody waits on last.</summary>
    LongestWaiting = 1,

    /// <summary>Breached first, then the nearest SLA due time; conversations with no running target last.</summary>
    SlaDue = 2,
}
