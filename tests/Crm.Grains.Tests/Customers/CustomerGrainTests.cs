using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(CrmClusterFixture cluster)
{
    private static readonly UpsertCustomer Ada = new("Ada Lovelace", "ada@example.com", "+44 20 7946 0000", "Analytical Engines", "agent:alice");

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private ICustomerGrain Customer => cluster.Grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(workspaceId, "cust-1"));

    [Fact]
    public async Task UpsertAsync_NewCustomer_CreatedTrimmedWithBlankFieldsLeftOut()
    {
        var created = await Customer.UpsertAsync(new UpsertCustomer(" Ada Lovelace ", "  ", null, " Analytical Engines", "agent:alice"));

        Assert.Equal(new CustomerDetails(workspaceId, "cust-1", "Ada Lovelace", null, null, "Analytical Engines", cluster.Clock.GetUtcNow()), Core(created));
        Assert.Equal((1L, cluster.Clock.GetUtcNow()), (created.Version, created.UpdatedAt));
        Assert.Equal(Core(created), Core(await Customer.GetDetailsAsync()));
    }

    [Fact]
    public async Task UpsertAsync_SameProfileAgain_WritesNothing()
    {
        var first = await Customer.UpsertAsync(Ada);
        cluster.Clock.Advance(TimeSpan.FromHours(1));

        var again = await Customer.UpsertAsync(Ada with { Name = "Ada Lovelace  ", Actor = "agent:bob" });

        Assert.Equal(Core(first), Core(again));
        Assert.IsType<CustomerUpserted>(Assert.Single(await Events()));
    }

    [Fact]
    public async Task UpsertAsync_ChangedProfile_WritesTheChangeAndKeepsCreatedAt()
    {
        var created = await Customer.UpsertAsync(Ada);
        cluster.Clock.Advance(TimeSpan.FromDays(3));

        var updated = await Customer.UpsertAsync(Ada with { Email = "ada@engines.example" });

        Assert.Equal(Core(created) with { Email = "ada@engines.example" }, Core(updated));
        Assert.Equal(2, (await Events()).Count);
    }

    public static TheoryData<UpsertCustomer, string> InvalidProfiles => new()
    {
        { Ada with { Name = "" }, "A customer needs a name." },
        { Ada with { Name = "   " }, "A customer needs a name." },
        { Ada with { Email = "ada.example.com" }, "'ada.example.com' is not an email address." },
        { Ada with { Name = new string('a', 201) }, "The name can be at most 200 characters." },
        { Ada with { Phone = new string('1', 201) }, "The phone can be at most 200 characters." },
        { Ada with { CompanyName = new string('c', 201) }, "The company name can be at most 200 characters." },
    };

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public async Task UpsertAsync_InvalidProfile_RefusedWithTheReasonAndNothingWritten(UpsertCustomer command, string reason)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Customer.UpsertAsync(command));

        Assert.Equal((DomainErrorKind.Invalid, reason), (refused.Kind, refused.Message));
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task GetDetailsAsync_UnknownCustomer_RefusedAsNotFound()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Customer.GetDetailsAsync());

        Assert.Equal((DomainErrorKind.NotFound, "This customer does not exist."), (refused.Kind, refused.Message));
    }

    [Fact]
    public async Task LinkConversationAsync_SameConversationTwice_LinkedOnceOldestFirst()
    {
        await Customer.UpsertAsync(Ada);

        await Customer.LinkConversationAsync(new LinkConversation("c-2", "customer:cust-1"));
        await Customer.LinkConversationAsync(new LinkConversation("c-1", "customer:cust-1"));
        await Customer.LinkConversationAsync(new LinkConversation("c-2", "customer:cust-1"));

        Assert.Equal(["c-2", "c-1"], await Customer.GetConversationIdsAsync());
        Assert.Equal(2, (await Events()).OfType<CustomerConversationLinked>().Count());
        await cluster.DeactivateAsync(Customer);
        Assert.Equal(["c-2", "c-1"], await Customer.GetConversationIdsAsync());
    }

    [Fact]
    public async Task LinkConversationAsync_InvalidConversationId_RefusedAndNothingWritten()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Customer.LinkConversationAsync(new LinkConversation("../c-1", "customer:cust-1")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Empty(await Events());
    }

    /// <summary>The profile fields only: collections compare by reference in a record, and version and update time move.</summary>
    private static CustomerDetails Core(CustomerDetails d) => d with { Tags = null, Attributes = null, Version = 0, UpdatedAt = null };

    private Task<IReadOnlyList<DomainEvent>> Events() =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.CustomerCategory, workspaceId, "cust-1"));
}
