using Crm.Grains.EventSourcing;

namespace Crm.Grains.Companies.Events;

/// <summary>The company now belongs to <paramref name="ParentId"/> (null: to none).</summary>
[GenerateSerializer, Alias("crm.companies.company-parent-changed.v1")]
public sealed record CompanyParentChanged(string? ParentId) : DomainEvent;
