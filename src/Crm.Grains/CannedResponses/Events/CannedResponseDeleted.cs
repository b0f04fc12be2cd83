using Crm.Grains.EventSourcing;

namespace Crm.Grains.CannedResponses.Events;

[GenerateSerializer, Alias("crm.canned-responses.canned-response-deleted.v1")]
public sealed record CannedResponseDeleted(string Shortcut) : DomainEvent;
