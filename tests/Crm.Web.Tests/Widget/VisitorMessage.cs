namespace Crm.Web.Tests.Widget;

/// <summary>
/// A message as /hubs/widget sends it to the visitor (the wire contract, not Crm.Web's type). <see cref="PreviousSeq"/>
/// is the visitor's previous message's number: what lies between is the team's, not a gap.
/// </summary>
public sealed record VisitorMessage(long Seq, Guid ClientMessageId, bool Mine, string AuthorName, string Body, DateTimeOffset PostedAt, long PreviousSeq = 0,
    bool Automated = false);
