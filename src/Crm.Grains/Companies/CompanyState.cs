using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Companies.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Companies;

/// <summary>A company folded from its stream; also what the workspace directory keeps per company.</summary>
[GenerateSerializer, Alias("crm.companies.company-state")]
public sealed class CompanyState : IEventSourcedState
{
    [Id(0)] public CompanySaved? Profile { get; private set; }
    [Id(1)] public string? ParentId { get; private set; }
    [Id(2)] public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
    [Id(3)] public DateTimeOffset CreatedAt { get; private set; }
    [Id(4)] public long Version { get; private set; }

    public void Apply(DomainEvent @event)
    {
        Version++;
        switch (@event)
        {
            case CompanySaved e:
                if (Profile is null) CreatedAt = e.At;
                Profile = e;
                break;
            case CompanyParentChanged e:
                ParentId = e.ParentId;
                break;
            case CompanyAttributesChanged e:
                foreach (var key in e.Removed) Attributes.Remove(key);
                foreach (var (key, value) in e.Set) Attributes[key] = value;
                break;
        }
    }

    public CompanyDetails ToDetails(string workspaceId, string companyId) =>
        new(workspaceId, companyId, Profile!.Name, Profile.Domain, ParentId, Profile.OwnerId, new Dictionary<string, string>(Attributes), CreatedAt, Version);
}
