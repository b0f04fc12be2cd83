using System.Collections.Concurrent;
using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// Live presence between the widget and the console: who is typing on either side, and agents seeing each other on
/// the same conversation (collision detection), gone within the lease once a page closes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TypingAndCollisionTests(BrowserFixture crm)
{
    /// <summary>The viewer lease (12 s) plus the sweep (2 s) and a margin for a loaded machine.</summary>
    private static readonly TimeSpan LeaseDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task VisitorTypes_WithoutSending_AgentsPresenceBarShowsTheCustomerTyping()
    {
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        // What the widget sends over its hub connection, to show no "stopped typing" call follows a message.
        var sentFrames = new ConcurrentQueue<string>();
        visitor.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            if (frame.Text is { } text) sentFrames.Enqueue(text);
        };
        var name = WidgetPages.UniqueVisitorName();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(name);
        var conversationId = await visitor.WidgetConversationIdAsync();

        await using var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await agent.OpenThreadAsync(conversationId);
        await Expect(agent.PresenceChips($"{name} (customer) is here")).ToHaveCountAsync(1);

        await visitor.GetByTestId("widget-input").PressSequentiallyAsync("Hello, I would like");

        await Expect(agent.PresenceChips($"{name} (customer) is typing…")).ToHaveCountAsync(1);
        Assert.DoesNotContain(await crm.GetMessagesAsync(conversationId), m => m.Body.Contains("I would like", StringComparison.Ordinal));

        // Sending ends "typing" at once, without waiting for the lease.
        await visitor.GetByTestId("widget-input").PressSequentiallyAsync(" a cake.");
        await visitor.GetByTestId("widget-send").ClickAsync();
        await Expect(agent.MessageBodies("Hello, I would like a cake.")).ToHaveCountAsync(1);
        await Expect(agent.PresenceChips($"{name} (customer) is here")).ToHaveCountAsync(1);
        // The message itself ended "typing" for the agent: the widget sent no Typing(false) after it.
        Assert.Contains(sentFrames, f => f.Contains("\"target\":\"SendMessage\"", StringComparison.Ordinal));
        Assert.DoesNotContain(sentFrames, f => f.Contains("\"target\":\"Typing\"", StringComparison.Ordinal) && f.Contains("false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgentTypesInTheReplyBox_VisitorSeesTheAgentTyping()
    {
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName());
        var conversationId = await visitor.WidgetConversationIdAsync();
        await Expect(visitor.GetByTestId("widget-typing")).ToBeHiddenAsync();

        await using var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await agent.OpenThreadAsync(conversationId);
        // Key by key, as a person types: the reply box reports typing from its key presses.
        await agent.ReplyBox().PressSequentiallyAsync("Let me check");

        // Typing is a lease renewed by keystrokes; on a loaded machine the first one can lapse before the visitor
        // looks, so keep typing as a person would (trailing spaces are trimmed when the reply is sent).
        var typing = visitor.GetByTestId("widget-typing");
        await Crm.Testing.Eventually.ReturnsAsync(async () =>
        {
            if (await typing.IsVisibleAsync()) return true;
            await agent.ReplyBox().PressAsync("Space");
            return await typing.IsVisibleAsync();
        }, visible => visible, "the visitor to see the agent typing", TimeSpan.FromSeconds(30));
        await Expect(typing).ToHaveTextAsync($"{WidgetPages.AgentName} is typing…");

        // Sending clears it at once.
        await agent.GetByTestId("reply-send").ClickAsync();
        await Expect(visitor.CommittedWidgetMessages("Let me check")).ToHaveCountAsync(1);
        await Expect(typing).ToBeHiddenAsync();
    }

    [Fact]
    public async Task TwoAgentsOpenTheSameConversation_EachSeesTheOther_AndTheIndicatorGoesWhenOneCloses()
    {
        var conversationId = await crm.OpenConversationAsync("Two agents, one thread");
        await using var alexContext = await crm.NewContextAsync();
        var alex = await alexContext.NewPageAsync();
        await alex.SignInAsync(BrowserFixture.Agent);
        await using var joContext = await crm.NewContextAsync();
        var jo = await joContext.NewPageAsync();
        await jo.SignInAsync(BrowserFixture.OtherAgent);

        await alex.OpenThreadAsync(conversationId);
        await jo.OpenThreadAsync(conversationId);

        await Expect(alex.PresenceChips($"{WidgetPages.OtherAgentName} is viewing")).ToHaveCountAsync(1);
        await Expect(jo.PresenceChips($"{WidgetPages.AgentName} is viewing")).ToHaveCountAsync(1);
        // Nobody is shown to themselves.
        await Expect(alex.PresenceChips(WidgetPages.AgentName)).ToHaveCountAsync(0);
        await Expect(jo.PresenceChips(WidgetPages.OtherAgentName)).ToHaveCountAsync(0);

        await alex.MarkDocumentAsync();
        await jo.CloseAsync();

        await Expect(alex.PresenceChips(WidgetPages.OtherAgentName)).ToHaveCountAsync(0, new() { Timeout = (float)LeaseDeadline.TotalMilliseconds });
        Assert.True(await alex.IsSameDocumentAsync(), "The indicator should go live, not through a reload.");
    }
}
