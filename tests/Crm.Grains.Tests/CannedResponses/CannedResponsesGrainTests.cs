using Crm.Grains.Abstractions.CannedResponses;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.CannedResponses;
using Crm.Grains.CannedResponses.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.CannedResponses;

[Collection(ClusterCollection.Name)]
public sealed class CannedResponsesGrainTests(CrmClusterFixture cluster)
{
    private const string Actor = "agent:alice";
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private ICannedResponsesGrain Grain => cluster.Grains.GetGrain<ICannedResponsesGrain>(workspaceId);

    [Fact]
    public async Task SaveAsync_NewThenSameAgain_StoredOnceAndListedByShortcut()
    {
        await Grain.SaveAsync(new SaveCannedResponse("/Thanks", "Closing", "Thanks, {{customer.name}}!", Actor));
        await Grain.SaveAsync(new SaveCannedResponse("hello", "Greeting", "Hi!", Actor));
        await Grain.SaveAsync(new SaveCannedResponse("thanks", "Closing", "Thanks, {{customer.name}}!", Actor));

        Assert.Equal(["hello", "thanks"], (await Grain.ListAsync()).Select(r => r.Shortcut));
        Assert.Equal(2, (await Events()).Count(e => e is CannedResponseSaved));
    }

    [Fact]
    public async Task DeleteAsync_Existing_GoneAfterRebuildFromTheStore()
    {
        await Grain.SaveAsync(new SaveCannedResponse("hello", "Greeting", "Hi!", Actor));

        await Grain.DeleteAsync("/hello", Actor);
        await cluster.DeactivateAsync(Grain);

        Assert.Empty(await Grain.ListAsync());
    }

    [Theory]
    [InlineData("", "Title", "Body", "shortcut")]
    [InlineData("has space", "Title", "Body", "shortcut")]
    [InlineData("ok", "", "Body", "title")]
    [InlineData("ok", "Title", "   ", "empty")]
    public async Task SaveAsync_InvalidInput_RefusedWithTheRuleAndNothingStored(string shortcut, string title, string body, string mentioned)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Grain.SaveAsync(new SaveCannedResponse(shortcut, title, body, Actor)));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains(mentioned, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Events());
    }

    [Fact]
    public void Fill_Placeholders_ReplacedWithNames() =>
        Assert.Equal("Hi Ada, I'm Alice.", CannedResponseRules.Fill("Hi {{customer.name}}, I'm {{agent.name}}.", "Ada", "Alice"));

    private Task<IReadOnlyList<Crm.Grains.EventSourcing.DomainEvent>> Events() =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.CannedResponsesCategory, workspaceId, "all"));
}
