namespace Crm.Web.Tests.Widget;

/// <summary>What JoinConversation returns: the visible messages after a cursor, and the conversation's last seq overall.</summary>
public sealed record VisitorThread(IReadOnlyList<VisitorMessage> Messages, long LastSeq);
