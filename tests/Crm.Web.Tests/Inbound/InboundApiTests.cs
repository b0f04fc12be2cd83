using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Conversations;
using Crm.Testing;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Inbound;

/// <summary>
/// POST /api/inbound/{workspaceId}/messages as a mail gateway uses it: new emails open conversations agents see,
/// retries write nothing, replies thread into their conversation, and every refusal is a 4xx that says why.
/// </summary>
[Collection(InboundCollection.Name)]
public sealed class InboundApiTests(InboundNodeFixture node)
{
    [Fact]
    public async Task NewEmail_OpensAnEmailConversationInTheAgentInbox()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);

        var accepted = await gateway.ReceiveAsync(IntegrationClient.Email(subject: "Printer jam", text: "Tray 2 is stuck."));

        Assert.Equal((1L, true, (string?)null), (accepted.Seq, accepted.Created, accepted.Notice));
        var row = await Eventually.ReturnsAsync(
            () => InboxRowAsync(alex.Http, accepted.ConversationId), r => r is not null, $"conversation {accepted.ConversationId} in the inbox");
        Assert.Equal((Channel.Email, "Printer jam", "Ada Lovelace"), (row!.Channel, row.Subject, row.CustomerName));
        var message = Assert.Single(await alex.Http.GetMessagesAsync(accepted.ConversationId));
        Assert.Equal((AuthorKind.Customer, "Tray 2 is stuck."), (message.Author.Kind, message.Body));
    }

    [Fact]
    public async Task SameMessageIdAgain_SameConversationAndSeqAndOneMessage()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var email = IntegrationClient.Email();

        var first = await gateway.ReceiveAsync(email);
        var retry = await gateway.ReceiveAsync(email);

        Assert.Equal(first, retry);
        Assert.Single(await alex.Http.GetMessagesAsync(first.ConversationId));
    }

    [Fact]
    public async Task ReplyWithConversationId_LandsInThatConversation()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var sender = $"ada-{Guid.NewGuid():N}@example.com";
        var first = await gateway.ReceiveAsync(IntegrationClient.Email(email: sender));

        // The gateway recognised "[#id]" in the subject; the address differs only in case: the same customer.
        var reply = await gateway.ReceiveAsync(
            IntegrationClient.Email(email: sender.ToUpperInvariant(), text: "Still jammed.", subject: $"Re: Printer jam [#{first.ConversationId}]",
                conversationId: first.ConversationId),
            HttpStatusCode.OK);

        Assert.Equal((first.ConversationId, 2L, false), (reply.ConversationId, reply.Seq, reply.Created));
        Assert.Equal(["My printer is jammed.", "Still jammed."], (await alex.Http.GetMessagesAsync(first.ConversationId)).Select(m => m.Body));
    }

    [Fact]
    public async Task ReplyToAClosedConversation_OpensANewOneAndSaysSo()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var sender = $"ada-{Guid.NewGuid():N}@example.com";
        var first = await gateway.ReceiveAsync(IntegrationClient.Email(email: sender));
        using (var close = await alex.Http.PutAsJsonAsync($"api/conversations/{first.ConversationId}/status", new { status = "closed" }, ApiJson.Options))
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        var reply = await gateway.ReceiveAsync(IntegrationClient.Email(email: sender, text: "One more thing.", conversationId: first.ConversationId));

        Assert.NotEqual(first.ConversationId, reply.ConversationId);
        Assert.True(reply.Created);
        Assert.Contains("closed", reply.Notice);
        Assert.Equal("One more thing.", Assert.Single(await alex.Http.GetMessagesAsync(reply.ConversationId)).Body);
    }

    [Fact]
    public async Task ReplyNamingAnotherCustomersConversation_OpensANewOneAndLeavesTheOtherAlone()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var theirs = await gateway.ReceiveAsync(IntegrationClient.Email());

        var mine = await gateway.ReceiveAsync(IntegrationClient.Email(text: "Is this mine?", conversationId: theirs.ConversationId));

        Assert.NotEqual(theirs.ConversationId, mine.ConversationId);
        Assert.Contains("no conversation", mine.Notice);
        Assert.Single(await alex.Http.GetMessagesAsync(theirs.ConversationId));
    }

    [Fact]
    public async Task RotatedKey_IsAcceptedToo()
    {
        using var gateway = node.Integration(InboundNodeFixture.RotatedKey);

        Assert.True((await gateway.ReceiveAsync(IntegrationClient.Email())).Created);
    }

    public static TheoryData<string, string?, string> BadKeys => new()
    {
        { "missing", null, "header is required" },
        { "wrong", "not-the-key-at-all-000000", "not hold a valid integration key" },
        { "another workspace's", InboundNodeFixture.GhostKey, "not hold a valid integration key" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task BadKey_Returns401AndStoresNothing(string _, string? key, string reason)
    {
        using var intruder = node.Integration(key);
        using var gateway = node.Integration();
        var email = IntegrationClient.Email();

        using (var refused = await intruder.SendAsync(email))
            await ProblemAssert.StatusAsync(refused, HttpStatusCode.Unauthorized, reason);

        // The same message with the right key is new: the refused one wrote nothing.
        var accepted = await gateway.ReceiveAsync(email);
        Assert.Equal((1L, true), (accepted.Seq, accepted.Created));
    }

    [Fact]
    public async Task BadKeyAndMalformedBody_Returns401BeforeReadingTheBody()
    {
        using var intruder = node.Integration(key: null);

        using var refused = await intruder.SendRawAsync("{ not json");

        await ProblemAssert.StatusAsync(refused, HttpStatusCode.Unauthorized, "header is required");
    }

    /// <summary>
    /// A workspace without a configured key answers 401 whether or not it exists, so a caller cannot probe which
    /// workspaces exist; with a valid key for a workspace that was never created, the answer is 404.
    /// </summary>
    [Fact]
    public async Task UnknownWorkspace_401WithoutItsKeyAnd404WithIt()
    {
        using var gateway = node.Integration();
        using var ghost = node.Integration(InboundNodeFixture.GhostKey);

        using (var unknown = await gateway.SendAsync(IntegrationClient.Email(), "nowhere"))
            await ProblemAssert.StatusAsync(unknown, HttpStatusCode.Unauthorized, "not hold a valid integration key");
        using (var notCreated = await ghost.SendAsync(IntegrationClient.Email(), InboundNodeFixture.GhostWorkspace))
            await ProblemAssert.StatusAsync(notCreated, HttpStatusCode.NotFound, "no workspace 'ghost'");
    }

    private static readonly string TooLong = new('x', MessageLimits.MaxBodyLength + 1);

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "not JSON", "hello", "not valid JSON" },
        { "truncated", """{"channel":"email","messageId":""", "not valid JSON" },
        { "empty", "", "must be a JSON object" },
        { "array", "[]", "not valid JSON" },
        { "text not a string", """{"channel":"email","messageId":"m1","from":{"email":"a@example.com"},"text":{"x":1}}""", "$.text" },
        { "channel missing", """{"messageId":"m1","from":{"email":"a@example.com"},"text":"hi"}""", "channel is required" },
        { "channel unknown", """{"channel":"fax","messageId":"m1","from":{"email":"a@example.com"},"text":"hi"}""", "channel must be" },
        { "messageId missing", """{"channel":"email","from":{"email":"a@example.com"},"text":"hi"}""", "messageId is required" },
        { "from missing", """{"channel":"email","messageId":"m1","text":"hi"}""", "from.email is required" },
        { "email invalid", """{"channel":"email","messageId":"m1","from":{"email":"not an address"},"text":"hi"}""", "not a valid email address" },
        { "email with a display name", """{"channel":"web-form","messageId":"m1","from":{"email":"Ada <a@example.com>"},"text":"hi"}""", "not a valid email address" },
        { "text missing", """{"channel":"email","messageId":"m1","from":{"email":"a@example.com"}}""", "text is required" },
        { "text blank", """{"channel":"email","messageId":"m1","from":{"email":"a@example.com"},"text":"  "}""", "text is required" },
        { "text too long", $$"""{"channel":"email","messageId":"m1","from":{"email":"a@example.com"},"text":"{{TooLong}}"}""", $"at most {MessageLimits.MaxBodyLength:N0} characters" },
        { "subject too long", $$"""{"channel":"email","messageId":"m1","from":{"email":"a@example.com"},"subject":"{{new string('s', 201)}}","text":"hi"}""", "subject can be at most 200" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBody_Returns400WithTheReasonAndStoresNothing(string _, string json, string reason)
    {
        using var gateway = node.Integration();

        using var refused = await gateway.SendRawAsync(json);

        await ProblemAssert.StatusAsync(refused, HttpStatusCode.BadRequest, reason);
        // Every bad body above uses messageId "m1" (if any) with a@example.com: nothing of them may exist afterwards.
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        Assert.DoesNotContain(await InboxAsync(alex.Http), r => r.CustomerName == "a@example.com");
    }

    [Fact]
    public async Task WebForm_OpensAWebFormConversation()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);

        var accepted = await gateway.ReceiveAsync(IntegrationClient.Email(channel: "web-form", messageId: $"form-{Guid.NewGuid():N}"));

        Assert.Equal(Channel.WebForm, (await alex.Http.GetFromJsonAsync<ConversationDetails>($"api/conversations/{accepted.ConversationId}", ApiJson.Options))!.Channel);
        using var mailer = node.Integration();
        Assert.DoesNotContain(await mailer.ListEmailsAsync(), e => e.ConversationId == accepted.ConversationId);
    }

    private static async Task<IReadOnlyList<ConversationSummary>> InboxAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<List<ConversationSummary>>("api/conversations?limit=500", ApiJson.Options))!;

    private static async Task<ConversationSummary?> InboxRowAsync(HttpClient http, string conversationId) =>
        (await InboxAsync(http)).FirstOrDefault(r => r.ConversationId == conversationId);
}
