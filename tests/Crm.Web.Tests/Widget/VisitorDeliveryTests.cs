using System.Net.Http.Json;
using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// Messages between a widget visitor (/hubs/widget) and the team (/hubs/conversations and REST) on one real Crm.Web
/// process: live both ways, idempotent starts and sends, gap-fill after a reconnect, and internal notes kept internal.
/// </summary>
public sealed class VisitorDeliveryTests(WidgetNodeFixture node) : IClassFixture<WidgetNodeFixture>
{
    [Fact]
    public async Task StartConversation_RetriedWithTheSameId_ReturnsTheSameConversationOnceInTheInbox()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversationId = $"w-{Guid.NewGuid():N}";

        var first = await visitor.StartConversationAsync(conversationId, "Retry Visitor");
        var retried = await visitor.StartConversationAsync(conversationId, "Retry Visitor");
        // A retry after a lost connection comes from a new connection with the same token.
        await using var reconnected = await VisitorClient.ConnectAsync(node.BaseAddress, visitor.Session);
        var afterReconnect = await reconnected.StartConversationAsync(conversationId, "Retry Visitor");

        Assert.Equal(conversationId, first.ConversationId);
        Assert.Equal(first, retried);
        Assert.Equal(first, afterReconnect);
        var inbox = await agent.Http.GetFromJsonAsync<List<ConversationSummary>>("api/conversations?limit=1000", ApiJson.Options);
        var row = Assert.Single(inbox!, c => c.ConversationId == conversationId);
        Assert.Equal("Retry Visitor", row.CustomerName);
        Assert.Equal(Channel.Chat, row.Channel);
        var details = await agent.Http.GetFromJsonAsync<ConversationDetails>($"api/conversations/{conversationId}", ApiJson.Options);
        Assert.Equal(visitor.Session.CustomerId, details!.CustomerId);
    }

    [Fact]
    public async Task SendMessage_VisitorAndAgent_EachReachesTheOtherLive()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await visitor.StartFreshConversationAsync("Live Visitor");
        await using var console = await LiveClient.ConnectAsync(agent);
        await console.JoinConversationAsync(conversation.ConversationId, 0);

        var question = $"Is the sourdough vegan? {Guid.NewGuid():N}";
        var sent = await visitor.SendMessageAsync(conversation.ConversationId, question, displayName: "Live Visitor");
        var seenByAgent = await console.WaitForMessageAsync(
            m => m.ConversationId == conversation.ConversationId && m.Seq == sent.Seq, "the visitor's message pushed to the agent");

        Assert.True(sent.Mine);
        Assert.Equal(question, seenByAgent.Body);
        Assert.Equal(AuthorKind.Customer, seenByAgent.Author.Kind);
        Assert.Equal(visitor.Session.CustomerId, seenByAgent.Author.Id);
        Assert.Equal("Live Visitor", seenByAgent.Author.DisplayName);
        Assert.Equal(MessageKind.Message, seenByAgent.Kind);

        var answer = $"Yes, it is. {Guid.NewGuid():N}";
        var reply = await agent.Http.PostMessageAsync(conversation.ConversationId, answer);
        var seenByVisitor = await visitor.WaitForMessageAsync(conversation.ConversationId, m => m.Seq == reply.Seq, "the agent's reply pushed to the visitor");

        Assert.Equal(answer, seenByVisitor.Body);
        Assert.False(seenByVisitor.Mine);
        Assert.Equal(reply.Author.DisplayName, seenByVisitor.AuthorName);
        Assert.False(string.IsNullOrWhiteSpace(seenByVisitor.AuthorName));
        Assert.Equal(reply.ClientMessageId, seenByVisitor.ClientMessageId);
    }

    [Fact]
    public async Task PostNote_ByAnAgent_NeverReachesTheVisitorButLastSeqMovesPastIt()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await visitor.StartFreshConversationAsync();
        var question = await visitor.SendMessageAsync(conversation.ConversationId, "Can I change my order?");
        var secret = $"internal: this customer owes us money {Guid.NewGuid():N}";

        var note = await PostNoteAsync(agent, conversation.ConversationId, secret);

        Assert.Equal(MessageKind.Note, note.Kind);
        // The note is the newest entry: the visitor sees nothing after its message, yet its cursor moves past the note.
        var afterNote = await visitor.JoinConversationAsync(conversation.ConversationId, question.Seq);
        Assert.Empty(afterNote.Messages);
        Assert.Equal(note.Seq, afterNote.LastSeq);
        var fromStart = await visitor.JoinConversationAsync(conversation.ConversationId, 0);
        Assert.DoesNotContain(fromStart.Messages, m => m.Body == secret);
        Assert.Equal(note.Seq, fromStart.LastSeq);

        // A reply posted after the note arrives live; the note, pushed first if at all, would have arrived before it.
        var reply = await agent.Http.PostMessageAsync(conversation.ConversationId, "Yes, until 6 pm.");
        await visitor.WaitForMessageAsync(conversation.ConversationId, m => m.Seq == reply.Seq, "the reply after the note");
        Assert.DoesNotContain(visitor.Received, p => p.Message.Body == secret || p.Message.Seq == note.Seq);
        var fromReconnect = await visitor.JoinConversationAsync(conversation.ConversationId, question.Seq);
        Assert.Equal([reply.Seq], fromReconnect.Messages.Select(m => m.Seq));
        Assert.Equal(reply.Seq, fromReconnect.LastSeq);
    }

    [Fact]
    public async Task JoinConversation_AfterReconnect_ReturnsExactlyTheThreeRepliesMissedWhileAway()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var session = await VisitorClient.CreateSessionAsync(node.BaseAddress);
        string conversationId;
        long cursor;
        await using (var before = await VisitorClient.ConnectAsync(node.BaseAddress, session))
        {
            conversationId = (await before.StartFreshConversationAsync()).ConversationId;
            await before.SendMessageAsync(conversationId, "Hello?");
            cursor = (await before.JoinConversationAsync(conversationId, 0)).LastSeq;
            await before.Connection.StopAsync();
        }

        var bodies = new[] { "away 1", "away 2", "away 3" };
        var replies = new List<MessageDetails>();
        foreach (var body in bodies)
            replies.Add(await agent.Http.PostMessageAsync(conversationId, body));

        await using var after = await VisitorClient.ConnectAsync(node.BaseAddress, session);
        var missed = await after.JoinConversationAsync(conversationId, cursor);

        Assert.Equal([cursor + 1, cursor + 2, cursor + 3], missed.Messages.Select(m => m.Seq));
        Assert.Equal(replies.Select(r => r.Seq), missed.Messages.Select(m => m.Seq));
        Assert.Equal(bodies, missed.Messages.Select(m => m.Body));
        Assert.All(missed.Messages, m => Assert.False(m.Mine));
        Assert.Equal(cursor + 3, missed.LastSeq);
    }

    [Fact]
    public async Task SendMessage_ResentWithTheSameClientMessageId_ReturnsTheOriginalSeqAndStoresOnce()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversationId = (await visitor.StartFreshConversationAsync()).ConversationId;
        var clientMessageId = Guid.NewGuid();
        var body = $"Sent once, retried twice {Guid.NewGuid():N}";

        var original = await visitor.SendMessageAsync(conversationId, body, clientMessageId);
        var resent = await visitor.SendMessageAsync(conversationId, body, clientMessageId);
        // The widget's outbox resends after a reconnect, from a new connection.
        await using var reconnected = await VisitorClient.ConnectAsync(node.BaseAddress, visitor.Session);
        await reconnected.JoinConversationAsync(conversationId, original.Seq);
        var afterReconnect = await reconnected.SendMessageAsync(conversationId, body, clientMessageId);

        Assert.Equal(original, resent);
        Assert.Equal(original, afterReconnect);
        var thread = await agent.Http.GetMessagesAsync(conversationId);
        Assert.Single(thread, m => m.Body == body);
        Assert.Single(thread, m => m.ClientMessageId == clientMessageId);
        Assert.Equal(original.Seq, thread.Max(m => m.Seq));
    }

    [Fact]
    public async Task MessagePosted_NotesAndActivitiesInterleaved_EachPushNamesTheVisitorsPreviousMessageSoTheWidgetSeesNoGap()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await visitor.StartFreshConversationAsync();
        var question = await visitor.SendMessageAsync(conversation.ConversationId, "Where is my parcel?");
        Assert.Equal(0, question.PreviousSeq);

        // The team works between the visitor's messages: a note, an assignment (an activity entry), another note.
        var note = await PostNoteAsync(agent, conversation.ConversationId, "carrier says Tuesday");
        using (var assigned = await agent.Http.PutAsJsonAsync($"api/conversations/{conversation.ConversationId}/assignee", new { agentId = "alex" }, ApiJson.Options))
            Assert.True(assigned.IsSuccessStatusCode, $"Assigning: {(int)assigned.StatusCode} {await assigned.Content.ReadAsStringAsync()}");
        await PostNoteAsync(agent, conversation.ConversationId, "promise nothing");
        var reply = await agent.Http.PostMessageAsync(conversation.ConversationId, "It arrives on Tuesday.");
        await PostNoteAsync(agent, conversation.ConversationId, "follow up Wednesday");
        var thanks = await visitor.SendMessageAsync(conversation.ConversationId, "Thanks!");

        var pushed = await visitor.WaitForMessageAsync(conversation.ConversationId, m => m.Seq == reply.Seq, "the reply after notes and an assignment");
        Assert.True(pushed.Seq > question.Seq + 1, "notes and the activity took the numbers in between");
        Assert.Equal(question.Seq, pushed.PreviousSeq);
        Assert.Equal(reply.Seq, thanks.PreviousSeq);
        // Every push the visitor got chains to the one before, so the widget never gap-fills for the team's entries.
        var seen = visitor.Received.Where(p => p.ConversationId == conversation.ConversationId).Select(p => p.Message).DistinctBy(m => m.Seq).OrderBy(m => m.Seq).ToList();
        Assert.All(seen.Skip(1).Zip(seen), pair => Assert.Equal(pair.Second.Seq, pair.First.PreviousSeq));
        Assert.DoesNotContain(seen, m => m.Seq == note.Seq);

        // Reconnecting after the visitor's first message still returns exactly what followed, by sequence number.
        var missed = await visitor.JoinConversationAsync(conversation.ConversationId, question.Seq);
        Assert.Equal([reply.Seq, thanks.Seq], missed.Messages.Select(m => m.Seq));
        Assert.Equal([question.Seq, reply.Seq], missed.Messages.Select(m => m.PreviousSeq));
        Assert.Equal(thanks.Seq, missed.LastSeq);
    }

    private static async Task<MessageDetails> PostNoteAsync(Crm.Testing.Hosts.ConsoleClient agent, string conversationId, string body)
    {
        using var response = await agent.Http.PostAsJsonAsync($"api/conversations/{conversationId}/notes",
            new { clientMessageId = Guid.NewGuid(), body }, ApiJson.Options);
        Assert.True(response.IsSuccessStatusCode, $"Posting a note: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<MessageDetails>(ApiJson.Options))!;
    }
}
