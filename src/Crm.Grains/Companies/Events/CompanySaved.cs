using Crm.Grains.EventSourcing;

namespace Crm.Grains.Companies.Events;

[GenerateSerializer, Alias("crm.companies.company-saved.v1")]
public sealed record CompanySaved(string Name, string? Domain, string? OwnerId) : DomainEvent;
