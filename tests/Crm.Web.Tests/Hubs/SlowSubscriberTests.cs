using System.Diagnostics;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Hubs;

/// <summary>
/// One client that stops reading must not stall anyone else on its web node: it falls behind alone, is cut over
/// (disconnected, so it reconnects and gap-fills), and the others keep getting every message, in commit order.
/// </summary>
public sealed class SlowSubscriberTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    /// <summary>Far more than the stalled connection's queue and socket buffers hold, so the test ends either way.</summary>
    private const int MaxMessages = 3_000;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PostMessages_OneHubClientNeverReads_OthersGetEveryMessageInOrderAndTheStalledOneCatchesUpBySeq()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        using var jo = await node.SignInAsync(DemoUsers.Agent2);
        var conversationId = (await alex.Http.OpenFreshConversationAsync("stall")).ConversationId;
        await using var stalled = await StalledHubClient.JoinAndStallAsync(node.BaseAddress, alex.CookieHeader, conversationId);
        await using var alexWatching = await LiveClient.ConnectAsync(alex);
        await using var joWatching = await LiveClient.ConnectAsync(jo);
        await using var poster = await LiveClient.ConnectAsync(jo);
        foreach (var watcher in new[] { alexWatching, joWatching })
            Assert.Empty(await watcher.JoinConversationAsync(conversationId, 0));

        // Big messages, so the stalled socket's buffers fill after hundreds, not hundreds of thousands.
        var padding = new string('x', 9_000);
        var posted = 0L;
        var cutOff = false;
        var clock = Stopwatch.StartNew();
        while (!cutOff && posted < MaxMessages && clock.Elapsed < Deadline)
        {
            for (var i = 0; i < 50; i++)
                posted = (await poster.PostMessageAsync(conversationId, Guid.NewGuid(), $"{posted + 1} {padding}")).Seq;
            cutOff = await stalled.IsCutOffAsync() || await stalled.IsCutOffAsync();
        }
        // The server closes a connection it cut over gracefully first: its close frame waits behind the full socket for
        // up to the WebSocket close timeout (5 s) before the socket is reset. On a fast box every message can be posted
        // within that, so the cut is waited for as a condition, not assumed from the count.
        while (!cutOff && clock.Elapsed < Deadline)
        {
            await Task.Delay(100);
            cutOff = await stalled.IsCutOffAsync();
        }
        Assert.True(cutOff, $"The client that never reads was still connected after {posted} messages ({clock.Elapsed.TotalSeconds:0} s)");
        // A few more after the cut: the others keep getting them.
        for (var i = 0; i < 10; i++)
            posted = (await poster.PostMessageAsync(conversationId, Guid.NewGuid(), $"after the cut {i}")).Seq;

        foreach (var (watcher, who) in new[] { (alexWatching, "alex"), (joWatching, "jo") })
        {
            await watcher.WaitForMessageAsync(m => m.Seq == posted, $"message {posted} pushed to {who}", TimeSpan.FromSeconds(60));
            // Every message once, in commit order: nothing skipped, nothing reordered by the publisher or the node.
            Assert.Equal(LongRange(1, posted), watcher.Received.Where(m => m.ConversationId == conversationId).Select(m => m.Seq));
        }

        // The stalled user comes back and gap-fills by sequence number: the whole thread, exactly.
        await using var back = await LiveClient.ConnectAsync(alex);
        var missed = await back.JoinConversationAsync(conversationId, afterSeq: 0);
        Assert.Equal(LongRange(1, posted), missed.Select(m => m.Seq));
    }

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var i = from; i <= to; i++) yield return i;
    }
}
