using Crm.Grains.EventSourcing;

namespace Crm.Grains.Companies.Events;

[GenerateSerializer, Alias("crm.companies.company-attributes-changed.v1")]
public sealed record CompanyAttributesChanged(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Removed) : DomainEvent;
