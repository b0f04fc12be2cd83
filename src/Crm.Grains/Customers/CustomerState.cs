using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers;

/// <summary>
/// A customer folded from its stream; also what the workspace directory keeps in each customer's row, so its
/// collections are made only when first filled: most customers have no conversations, activities, tags, attributes or
/// merges, and five empty collections each were a quarter of a kilobyte per customer.
/// </summary>
[GenerateSerializer, Alias("crm.customers.customer-state")]
public sealed class CustomerState : IEventSourcedState
{
    [Id(3)] private List<string>? _conversationIds;
    [Id(6)] private SortedSet<string>? _tags;
    [Id(7)] private Dictionary<string, string>? _attributes;
    [Id(8)] private HashSet<string>? _activityIds;
    [Id(10)] private List<string>? _mergedIds;

    [Id(0)] public CustomerUpserted? Profile { get; private set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; private set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<string> ConversationIds => _conversationIds ?? [];
    [Id(4)] public string? CompanyId { get; private set; }
    [Id(5)] public string? OwnerId { get; private set; }
    public IReadOnlySet<string> Tags => _tags ?? EmptySet;
    public IReadOnlyDictionary<string, string> Attributes => _attributes ?? EmptyAttributes;
    public IReadOnlySet<string> ActivityIds => _activityIds ?? EmptySet;
    [Id(9)] public string? MergedInto { get; private set; }
    public IReadOnlyList<string> MergedIds => _mergedIds ?? [];
    [Id(11)] public long Version { get; private set; }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();
    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();

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
                (_conversationIds ??= []).Add(e.ConversationId);
                break;
            case CustomerCompanyChanged e:
                CompanyId = e.CompanyId;
                break;
            case CustomerOwnerChanged e:
                OwnerId = e.OwnerId;
                break;
            case CustomerTagsChanged e:
                _tags?.ExceptWith(e.Removed);
                if (e.Added.Count > 0) (_tags ??= new SortedSet<string>(StringComparer.Ordinal)).UnionWith(e.Added);
                break;
            case CustomerAttributesChanged e:
                foreach (var key in e.Removed) _attributes?.Remove(key);
                foreach (var (key, value) in e.Set) (_attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
                break;
            case CustomerActivityLogged e:
                (_activityIds ??= new HashSet<string>(StringComparer.Ordinal)).Add(e.ActivityId);
                break;
            case CustomerMerged e:
                (_mergedIds ??= []).Add(e.MergedId);
                foreach (var id in e.ConversationIds.Where(id => !ConversationIds.Contains(id))) (_conversationIds ??= []).Add(id);
                break;
            case CustomerMergedInto e:
                MergedInto = e.SurvivorId;
                break;
        }
    }
}
