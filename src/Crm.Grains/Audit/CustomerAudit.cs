using Crm.Grains.Customers.Events;

namespace Crm.Grains.Audit;

/// <summary>Customer events in words: the contact fields, and which conversations were linked.</summary>
internal static class CustomerAudit
{
    public static AuditDescription Upserted(CustomerUpserted e) => AuditDescription.Of(
        "saved customer",
        null,
        new FieldValue("name", e.Name),
        new FieldValue("email", e.Email),
        new FieldValue("phone", e.Phone),
        new FieldValue("company", e.CompanyName));

    public static AuditDescription ConversationLinked(CustomerConversationLinked e) =>
        AuditDescription.Of("linked conversation", $"conversation {e.ConversationId}");
}
