namespace Crm.Grains.Abstractions.Workspaces;

/// <summary>
/// Records, in the workspace's audited stream, a change whose truth lives in the identity store (an invitation, a
/// deactivation, a two-factor reset, the two-factor rule): the audit trail and its hash chain then cover it too.
/// </summary>
/// <param name="Subject">Whose access changed: a member's email, or "workspace" for a workspace-wide rule.</param>
/// <param name="Setting">What changed: "account", "two-factor", "two-factor required", "invitation".</param>
/// <param name="Value">The new value, in words ("deactivated", "active", "reset", "yes").</param>
[GenerateSerializer, Immutable, Alias("crm.workspaces.record-access-change")]
public sealed record RecordAccessChange(string Subject, string Setting, string Value, string Actor);
