namespace Crm.Web.Visitors;

/// <summary>Bound from "Crm:Widget".</summary>
public sealed class WidgetOptions
{
    public const string SectionName = "Crm:Widget";

    /// <summary>
    /// The queue a widget chat enters when its script tag names none (data-queue): routed by that queue's policy, or
    /// waiting visibly on the supervisor's board while the queue is handed out by hand.
    /// </summary>
    public string DefaultQueueId { get; set; } = "support";
}
