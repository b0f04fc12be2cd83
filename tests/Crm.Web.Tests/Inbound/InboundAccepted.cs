namespace Crm.Web.Tests.Inbound;

/// <summary>The answer of POST /api/inbound/{workspaceId}/messages.</summary>
public sealed record InboundAccepted(string ConversationId, long Seq, bool Created, string? Notice);
