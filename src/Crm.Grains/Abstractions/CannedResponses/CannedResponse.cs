namespace Crm.Grains.Abstractions.CannedResponses;

/// <summary>
/// A saved reply an agent inserts by typing "/<see cref="Shortcut"/>". The body may hold {{customer.name}} and
/// {{agent.name}}, filled in when inserted.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.canned-responses.canned-response")]
public sealed record CannedResponse(string Shortcut, string Title, string Body);
