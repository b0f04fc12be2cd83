namespace Crm.Web.Tests.Widget;

/// <summary>A message as /hubs/widget sends it to the visitor (the wire contract, not Crm.Web's type).</summary>
public sealed record VisitorMessage(long Seq, Guid ClientMessageId, bool Mine, string AuthorName, string Body, DateTimeOffset PostedAt);
