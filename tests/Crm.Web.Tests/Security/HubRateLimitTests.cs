using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>Hub messages are limited per visitor or agent (20 per 10 s by default); a refusal keeps the connection.</summary>
public sealed class HubRateLimitTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    private const string TooFast = "You're sending messages too fast; try again in a moment.";

    [Fact]
    public async Task VisitorFlood_IsRefusedWithAMessage_AndTheConnectionSurvives()
    {
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversationId = $"flood-{Guid.NewGuid():N}";
        await visitor.StartConversationAsync(conversationId, "Flo Od", "flo@example.com");

        var sent = 0;
        HubException? refused = null;
        for (var i = 0; i < 25 && refused is null; i++)
        {
            try
            {
                await visitor.Connection.InvokeAsync<object>("SendMessage", conversationId, Guid.NewGuid(), $"flood {i}", "Flo Od");
                sent++;
            }
            catch (HubException ex)
            {
                refused = ex;
            }
        }

        Assert.Equal(20, sent);
        Assert.NotNull(refused);
        Assert.Contains(TooFast, refused.Message);
        Assert.Equal(HubConnectionState.Connected, visitor.Connection.State);
        // Reading is not limited: the same connection still works.
        var conversations = await visitor.Connection.InvokeAsync<List<object>>("ListConversations");
        Assert.Single(conversations);
    }

    [Fact]
    public async Task AgentFlood_IsRefusedWithAMessage_AndTheConnectionSurvives()
    {
        using var agent = await ConsoleClient.SignInAsync(node.BaseAddress, DemoUsers.Agent2);
        var conversationId = (await agent.Http.OpenFreshConversationAsync("flood")).ConversationId;
        await using var live = await LiveClient.ConnectAsync(agent);

        var results = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            try
            {
                var message = await live.PostMessageAsync(conversationId, Guid.NewGuid(), $"flood {i}");
                results.Add($"#{message.Seq}");
            }
            catch (HubException ex)
            {
                results.Add(ex.Message);
            }
        }

        Assert.Equal(20, results.Count(r => r.StartsWith('#')));
        Assert.All(results.Skip(20), r => Assert.Contains(TooFast, r));
        Assert.Equal(HubConnectionState.Connected, live.Connection.State);
        Assert.Equal(20, (await live.JoinConversationAsync(conversationId, 0)).Count);
        // REST posting is a separate budget (HTTP limits cover anonymous callers, not signed-in agents).
        Assert.Equal(21, (await agent.Http.PostMessageAsync(conversationId, "after the flood")).Seq);
    }
}
