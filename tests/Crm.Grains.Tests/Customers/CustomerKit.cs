using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Keys;
using Crm.Testing.Cluster;

namespace Crm.Grains.Tests.Customers;

/// <summary>Customers of one test's own workspace.</summary>
public sealed class CustomerKit(CrmClusterFixture cluster, string workspaceId)
{
    public const string Actor = "agent:alice";

    public ICustomerGrain Customer(string id) => cluster.Grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(workspaceId, id));

    public Task<CustomerDetails> SaveAsync(string id, string name, string? email = null, string? phone = null, string? companyId = null,
        IReadOnlyList<string>? tags = null, IReadOnlyDictionary<string, string?>? attributes = null) =>
        Customer(id).SaveAsync(new SaveCustomer(name, email, phone, companyId, null, tags, attributes, Actor));

    public string StreamOf(string id) => StreamIds.For(StreamIds.CustomerCategory, workspaceId, id);
}
