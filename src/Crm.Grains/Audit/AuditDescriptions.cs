using Crm.Grains.Agents.Events;
using Crm.Grains.CannedResponses.Events;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Mail.Events;
using Crm.Grains.Preferences.Events;
using Crm.Grains.Queues.Events;
using Crm.Grains.Workspaces.Events;

namespace Crm.Grains.Audit;

/// <summary>Every stored event type in words. A type added later without a line here still appears, named by its type.</summary>
internal static class AuditDescriptions
{
    /// <summary>Bookkeeping, not anyone's action: left out of the trail (the hash chain still covers it).</summary>
    private static readonly string MailOutboxCaughtUp = EventSerializer.TypeName(typeof(MailOutboxCaughtUp));

    /// <summary>The one high-volume type that sets no field: the fold skips it unless it is on the page.</summary>
    private static readonly string MessagePostedType = EventSerializer.TypeName(typeof(MessagePosted));

    public static bool IsListed(string typeName) => typeName != MailOutboxCaughtUp;

    public static bool SetsFields(string typeName) => typeName != MessagePostedType && typeName != MailOutboxCaughtUp;

    public static AuditDescription Describe(DomainEvent @event, AuditFields fields) => @event switch
    {
        ConversationOpened e => ConversationAudit.Opened(e),
        MessagePosted e => ConversationAudit.MessagePosted(e),
        ConversationStatusChanged e => ConversationAudit.StatusChanged(e),
        ConversationAssigned e => ConversationAudit.Assigned(e),
        ConversationPriorityChanged e => ConversationAudit.PriorityChanged(e),
        ConversationLabelsChanged e => ConversationAudit.LabelsChanged(e, fields),
        ConversationRated e => ConversationAudit.Rated(e),
        ConversationRead e => ConversationAudit.Read(e),
        ConversationSlaBreached e => ConversationAudit.SlaBreached(e),
        ConversationEnqueued e => AuditDescription.Of("enqueued conversation", $"conversation {e.ConversationId}, priority {e.Priority}"),
        CustomerUpserted e => CustomerAudit.Upserted(e),
        CustomerConversationLinked e => CustomerAudit.ConversationLinked(e),
        AgentRegistered e => AgentAudit.Registered(e),
        AgentPresenceChanged e => AgentAudit.PresenceChanged(e),
        WorkspaceCreated e => WorkspaceAudit.Created(e),
        WorkspaceSlaConfigured e => WorkspaceAudit.SlaConfigured(e),
        WorkspaceAccessChanged e => WorkspaceAudit.AccessChanged(e),
        CannedResponseSaved e => CannedResponseAudit.Saved(e),
        CannedResponseDeleted e => CannedResponseAudit.Deleted(e),
        OutboundEmailQueued e => MailAudit.Queued(e),
        OutboundEmailSent e => MailAudit.Sent(e),
        OutboundEmailFailed e => MailAudit.Failed(e),
        UserPreferencesChanged e => AuditDescription.Of("changed own preferences",
            $"theme {e.Theme}, browser notifications {(e.BrowserNotifications ? "on" : "off")}, sound {(e.Sound ? "on" : "off")}"),
        _ => Unnamed(EventSerializer.TypeName(@event)),
    };

    /// <summary>A type with no description (or none this build knows): its name, and no fields.</summary>
    public static AuditDescription Unnamed(string typeName) => AuditDescription.Of(AuditText.FromTypeName(typeName));
}
