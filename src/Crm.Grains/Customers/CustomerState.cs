using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers;

/// <summary>A customer folded from its stream; also what the workspace directory keeps per customer.</summary>
[GenerateSerializer, Alias("crm.customers.customer-state")]
public sealed class CustomerState : IEventSourcedState
{
    [Id(0)] public CustomerUpserted? Profile { get; private set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; private set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; private set; }
    [Id(3)] public List<string> ConversationIds { get; } = [];
    [Id(4)] public string? CompanyId { get; private set; }
    [Id(5)] public string? OwnerId { get; private set; }
    [Id(6)] public SortedSet<string> Tags { get; } = new(StringComparer.Ordinal);
    [Id(7)] public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
    [Id(8)] public HashSet<string> ActivityIds { get; } = new(StringComparer.Ordinal);
    [Id(9)] public string? MergedInto { get; private set; }
    [Id(10)] public List<string> MergedIds { get; } = [];
    [Id(11)] public long Version { get; private set; }

    public CustomerDetails ToDetails(string workspaceId, string customerId, long version)
    {
        var p = Profile!;
        return new CustomerDetails(workspaceId, customerId, p.Name, p.Email, p.Phone, p.CompanyName, CreatedAt,
            CompanyId, OwnerId, Tags.ToList(), new Dictionary<string, string>(Attributes), MergedInto, version, UpdatedAt);
    }

    public void Apply(DomainEvent @event)
    {
        UpdatedAt = @event.At;
        Version++;
        switch (@event)
        {
            case CustomerUpserted e:
                if (Profile is null) CreatedAt = e.At;
                Profile = e;
                break;
            case CustomerConversationLinked e:
                ConversationIds.Add(e.ConversationId);
                break;
            case CustomerCompanyChanged e:
                CompanyId = e.CompanyId;
                break;
            case CustomerOwnerChanged e:
                OwnerId = e.OwnerId;
                break;
            case CustomerTagsChanged e:
                Tags.ExceptWith(e.Removed);
                Tags.UnionWith(e.Added);
                break;
            case CustomerAttributesChanged e:
                foreach (var key in e.Removed) Attributes.Remove(key);
                foreach (var (key, value) in e.Set) Attributes[key] = value;
                break;
            case CustomerActivityLogged e:
                ActivityIds.Add(e.ActivityId);
                break;
            case CustomerMerged e:
                MergedIds.Add(e.MergedId);
                foreach (var id in e.ConversationIds.Where(id => !ConversationIds.Contains(id))) ConversationIds.Add(id);
                break;
            case CustomerMergedInto e:
                MergedInto = e.SurvivorId;
                break;
        }
    }
}
