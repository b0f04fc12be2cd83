using Crm.Grains.Agents.Events;

namespace Crm.Grains.Audit;

/// <summary>Agent events in words: the profile (name, email, role, capacity) and presence.</summary>
internal static class AgentAudit
{
    public static AuditDescription Registered(AgentRegistered e) => AuditDescription.Of(
        "saved agent profile",
        null,
        new FieldValue("name", e.DisplayName),
        new FieldValue("email", e.Email.Length == 0 ? null : e.Email),
        new FieldValue("role", e.Role.Length == 0 ? null : e.Role),
        new FieldValue("chat capacity", $"{e.ChatCapacity}"));

    public static AuditDescription PresenceChanged(AgentPresenceChanged e) =>
        AuditDescription.Of("changed presence", null, new FieldValue("presence", AuditText.Enum(e.Status), AuditText.Enum(e.Previous)));
}
