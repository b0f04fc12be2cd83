using Crm.Grains.EventSourcing;

namespace Crm.Grains.CannedResponses.Events;

[GenerateSerializer, Alias("crm.canned-responses.canned-response-saved.v1")]
public sealed record CannedResponseSaved(string Shortcut, string Title, string Body) : DomainEvent;
