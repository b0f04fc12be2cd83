using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Browser.Tests.Widget;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Supervisor;

/// <summary>A supervisor watches any thread live and read-only, and whispers to its assignee alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitorTests(BrowserFixture crm)
{
    [Fact]
    public async Task PostMessage_SupervisorMonitors_MessageAppearsLiveWithoutComposer()
    {
        var conversationId = await crm.OpenConversationAsync($"Monitored {Guid.NewGuid():N}");
        await using var context = await crm.NewContextAsync();
        var supervisor = await context.NewPageAsync();
        await supervisor.SignInAsync(BrowserFixture.Supervisor);
        await supervisor.OpenMonitorAsync(conversationId);
        await Expect(supervisor.ReplyBox()).ToHaveCountAsync(0);

        var body = $"Posted while monitored {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, body);

        await Expect(supervisor.MessageBodies(body)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Whisper_AgentAndVisitorHaveTheChatOpen_AssigneeSeesItVisitorAndOtherAgentNever()
    {
        // An agent of its own: a demo agent's presence follows other tests' consoles, and when it goes offline the
        // router takes its chats back — this one included — which left the whisper box disabled (nobody assigned).
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, "admin@demo.crm");
        var member = await admin.AddMemberAsync("agent");
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName());
        await visitor.SendFromWidgetAsync("Where is my parcel?");
        var conversationId = await visitor.WidgetConversationIdAsync();
        await crm.SupervisorClient.AssignAsync(conversationId, member.AgentId);

        await using var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(member.Email);
        await agent.OpenThreadAsync(conversationId);
        await using var supervisorContext = await crm.NewContextAsync();
        var supervisor = await supervisorContext.NewPageAsync();
        await supervisor.SignInAsync(BrowserFixture.Supervisor);
        await supervisor.OpenMonitorAsync(conversationId);

        var whisper = $"Offer a refund {Guid.NewGuid():N}";
        await supervisor.WhisperAsync(whisper);

        await Expect(agent.GetByTestId("whisper").Filter(new() { HasTextString = whisper })).ToHaveCountAsync(1);
        await Expect(supervisor.GetByTestId("whisper").Filter(new() { HasTextString = whisper })).ToHaveCountAsync(1);
        // The reply is pushed after the whisper: once the visitor has it, the whisper would have arrived too.
        var reply = $"I can refund you {Guid.NewGuid():N}";
        await agent.SendReplyAsync(reply);
        await Expect(visitor.CommittedWidgetMessages(reply)).ToHaveCountAsync(1);
        await Expect(visitor.WidgetMessages(whisper)).ToHaveCountAsync(0);
        // Another agent reading the thread does not get it; the supervisor's own read does.
        Assert.DoesNotContain(await crm.OtherAgentClient.GetThreadAsync(conversationId), m => m!["body"]!.GetValue<string>() == whisper);
        Assert.Contains(await crm.SupervisorClient.GetThreadAsync(conversationId), m => m!["body"]!.GetValue<string>() == whisper);
    }
}
