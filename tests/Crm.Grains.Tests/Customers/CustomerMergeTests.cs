using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Customers;

/// <summary>Merging a duplicate: both records' events stay, references move, the old id redirects, and bad merges are refused whole.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerMergeTests(CrmClusterFixture cluster)
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private CustomerKit Kit => new(cluster, workspaceId);

    [Fact]
    public async Task MergeAsync_DuplicateWithConversationDealAndFollowUp_KeepsEveryEventMovesAllAndRedirects()
    {
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example", tags: ["vip"]);
        await Kit.SaveAsync("ada-2", "Ada  Lovelace", "ADA@engines.example", "+44 20 7946 0000", tags: ["newsletter"]);
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, "c-1"));
        await conversation.OpenAsync(new OpenConversation("ada-2", "Ada", Channel.Chat, "Invoice", null, "customer:ada-2"));
        await Kit.Customer("ada-2").LinkConversationAsync(new LinkConversation("c-1", "customer:ada-2"));
        var deal = cluster.Grains.GetGrain<IDealGrain>(GrainKeys.Scoped(workspaceId, "d-1"));
        await deal.CreateAsync(new CreateDeal("Engines", "sales", "lead", 1000, "GBP", null, "bob", ["ada-2"], null, CustomerKit.Actor));
        var followUp = cluster.Grains.GetGrain<IFollowUpGrain>(GrainKeys.Scoped(workspaceId, "f-1"));
        await followUp.ScheduleAsync(new ScheduleFollowUp("Call back", cluster.Clock.GetUtcNow().AddDays(2), null, "bob", "ada-2", null, null, CustomerKit.Actor));
        var duplicateEvents = await cluster.ReadEventsAsync(Kit.StreamOf("ada-2"));

        var merged = await Kit.Customer("ada").MergeAsync(new MergeCustomer(workspaceId, "ada-2", new Dictionary<string, string> { ["phone"] = "duplicate" }, CustomerKit.Actor));

        Assert.Equal((1, 1, 1), (merged.ConversationsMoved, merged.DealsMoved, merged.FollowUpsMoved));
        Assert.Equal(("Ada Lovelace", "ada@engines.example", "+442079460000"), (merged.Survivor.Name, merged.Survivor.Email, merged.Survivor.Phone));
        Assert.Equal(["newsletter", "vip"], merged.Survivor.Tags);
        Assert.Equal(["c-1"], await Kit.Customer("ada").GetConversationIdsAsync());
        Assert.Equal(["ada"], (await deal.GetDetailsAsync()).ContactIds);
        Assert.Equal("ada", (await followUp.GetDetailsAsync()).CustomerId);
        // The duplicate's stream is whole, with the redirect appended; the survivor's records the merge.
        var after = await cluster.ReadEventsAsync(Kit.StreamOf("ada-2"));
        Assert.Equal(duplicateEvents.Count + 1, after.Count);
        Assert.Equal("ada", Assert.IsType<CustomerMergedInto>(after[^1]).SurvivorId);
        Assert.Equal("ada-2", Assert.Single((await cluster.ReadEventsAsync(Kit.StreamOf("ada"))).OfType<CustomerMerged>()).MergedId);
        Assert.Equal("ada", (await Kit.Customer("ada-2").GetDetailsAsync()).MergedInto);
        // The survivor's timeline shows the duplicate's history too.
        var timeline = await Kit.Customer("ada").GetTimelineAsync(new TimelineQuery(0, 200, []));
        // Saved once each, and once more by the merge (the phone chosen from the duplicate).
        Assert.Equal(3, timeline.Entries.Count(e => e.Title == "Profile saved"));
        Assert.Contains(timeline.Entries, e => e.Kind == TimelineKinds.Deal && e.RefId == "d-1");
        Assert.Contains(timeline.Entries, e => e.Kind == TimelineKinds.Conversation && e.RefId == "c-1");
        Assert.Contains(timeline.Entries, e => e.Kind == TimelineKinds.FollowUp && e.RefId == "f-1");
        // The directory lists one Ada now, and no longer suspects a pair.
        var list = await cluster.Grains.GetGrain<ICrmDirectoryGrain>(workspaceId).ListCustomersAsync(new CustomerQuery("ada"));
        Assert.Equal(["ada"], list.Items.Select(c => c.CustomerId));
        Assert.Empty(await cluster.Grains.GetGrain<ICrmDirectoryGrain>(workspaceId).GetSuspectedDuplicatesAsync(10));
    }

    [Fact]
    public async Task SaveAsync_MergedRecord_RefusedAsConflictNamingTheSurvivor()
    {
        await Kit.SaveAsync("a", "Ada");
        await Kit.SaveAsync("b", "Ada L");
        await Kit.Customer("a").MergeAsync(new MergeCustomer(workspaceId, "b", null, CustomerKit.Actor));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Kit.SaveAsync("b", "Ada Lovelace"));

        Assert.Equal((DomainErrorKind.Conflict, "This customer was merged into a; change that one instead."), (refused.Kind, refused.Message));
    }

    [Fact]
    public async Task MergeAsync_WithItselfOrAnotherWorkspace_RefusedAndNothingWritten()
    {
        await Kit.SaveAsync("a", "Ada");
        var other = TestKeys.NewWorkspaceId();
        await new CustomerKit(cluster, other).SaveAsync("b", "Ada");

        var self = await Assert.ThrowsAsync<DomainException>(() => Kit.Customer("a").MergeAsync(new MergeCustomer(workspaceId, "a", null, CustomerKit.Actor)));
        var across = await Assert.ThrowsAsync<DomainException>(() => Kit.Customer("a").MergeAsync(new MergeCustomer(other, "b", null, CustomerKit.Actor)));

        Assert.Equal((DomainErrorKind.Invalid, "A customer cannot be merged with itself."), (self.Kind, self.Message));
        Assert.Equal((DomainErrorKind.Forbidden, "Records of two workspaces cannot be merged."), (across.Kind, across.Message));
        Assert.Single(await cluster.ReadEventsAsync(Kit.StreamOf("a")));
        Assert.Single(await cluster.ReadEventsAsync(new CustomerKit(cluster, other).StreamOf("b")));
    }

    [Fact]
    public async Task MergeAsync_DuplicateChangedByAnotherNodeMeanwhile_RefusedAsConflictAndTheSurvivorUntouched()
    {
        await Kit.SaveAsync("a", "Ada");
        await Kit.SaveAsync("b", "Ada L");
        await Kit.Customer("b").GetDetailsAsync();
        // An update the duplicate's activation has not seen: as if written by another silo a moment ago.
        await cluster.AppendEventsAsync(Kit.StreamOf("b"), "agent:bob", new CustomerOwnerChanged("bob"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Kit.Customer("a").MergeAsync(new MergeCustomer(workspaceId, "b", null, CustomerKit.Actor)));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Single(await cluster.ReadEventsAsync(Kit.StreamOf("a")));
        Assert.Null((await Kit.Customer("b").GetDetailsAsync()).MergedInto);
        // Once refused, the retry sees the update and merges, keeping it.
        var merged = await Kit.Customer("a").MergeAsync(new MergeCustomer(workspaceId, "b", null, CustomerKit.Actor));
        Assert.Equal("bob", merged.Survivor.OwnerId);
    }

    [Fact]
    public async Task MergeAsync_RecordAlreadyMergedElsewhere_RefusedAsConflict()
    {
        await Kit.SaveAsync("a", "Ada");
        await Kit.SaveAsync("b", "Ada");
        await Kit.SaveAsync("c", "Ada");
        await Kit.Customer("a").MergeAsync(new MergeCustomer(workspaceId, "b", null, CustomerKit.Actor));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Kit.Customer("c").MergeAsync(new MergeCustomer(workspaceId, "b", null, CustomerKit.Actor)));

        Assert.Equal((DomainErrorKind.Conflict, "That customer was already merged into a; merge with that one instead."), (refused.Kind, refused.Message));
    }
}
