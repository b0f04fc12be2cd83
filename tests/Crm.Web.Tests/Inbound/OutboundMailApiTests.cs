using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Mail;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Inbound;

/// <summary>
/// /api/outbound/{workspaceId}/emails as a mailer uses it: an agent's REST reply on an email conversation is pending
/// with a subject that threads back, reports of sent and failed are idempotent, and notes are never mailed.
/// </summary>
[Collection(InboundCollection.Name)]
public sealed class OutboundMailApiTests(InboundNodeFixture node)
{
    [Fact]
    public async Task AgentReplyOnEmailConversation_PendingWithThreadedSubjectUntilMarkedSent()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var sender = $"ada-{Guid.NewGuid():N}@example.com";
        var inbound = await gateway.ReceiveAsync(IntegrationClient.Email(email: sender, subject: "Printer jam"));

        var reply = await alex.Http.PostMessageAsync(inbound.ConversationId, "Open tray 2 and pull gently.");

        var email = Assert.Single(await gateway.ListEmailsAsync(), e => e.ConversationId == inbound.ConversationId);
        Assert.Equal((reply.Seq, sender, "Ada Lovelace", $"Re: Printer jam [#{inbound.ConversationId}]", "Open tray 2 and pull gently.", OutboundEmailStatus.Pending),
            (email.Seq, email.ToEmail, email.ToName, email.Subject, email.Body, email.Status));

        using (var sent = await gateway.MarkAsync(email.OutboundId, "sent", new { providerMessageId = "<p-1@mailer>" }))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.DoesNotContain(await gateway.ListEmailsAsync(), e => e.OutboundId == email.OutboundId);

        using var again = await gateway.MarkAsync(email.OutboundId, "sent", body: null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var recorded = (await again.Content.ReadFromJsonAsync<OutboundEmail>(ApiJson.Options))!;
        Assert.Equal((OutboundEmailStatus.Sent, "<p-1@mailer>"), (recorded.Status, recorded.ProviderMessageId));
        Assert.Single(await gateway.ListEmailsAsync("sent"), e => e.OutboundId == email.OutboundId);
    }

    [Fact]
    public async Task NoteAndCustomerMessages_NoOutboundEmail()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var inbound = await gateway.ReceiveAsync(IntegrationClient.Email());

        using (var note = await alex.Http.PostAsJsonAsync($"api/conversations/{inbound.ConversationId}/notes",
                   new { clientMessageId = Guid.NewGuid(), body = "Internal: check the warranty." }, ApiJson.Options))
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);

        Assert.DoesNotContain(await gateway.ListEmailsAsync(), e => e.ConversationId == inbound.ConversationId);
    }

    [Fact]
    public async Task MarkFailed_WithReasonOnceThenSentIsAConflict()
    {
        using var gateway = node.Integration();
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var inbound = await gateway.ReceiveAsync(IntegrationClient.Email());
        await alex.Http.PostMessageAsync(inbound.ConversationId, "We are on it.");
        var email = Assert.Single(await gateway.ListEmailsAsync(), e => e.ConversationId == inbound.ConversationId);

        using (var noReason = await gateway.MarkAsync(email.OutboundId, "failed", new { }))
            await ProblemAssert.StatusAsync(noReason, HttpStatusCode.BadRequest, "reason is required");
        using (var failed = await gateway.MarkAsync(email.OutboundId, "failed", new { reason = "550 mailbox unavailable" }))
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        using (var again = await gateway.MarkAsync(email.OutboundId, "failed", new { reason = "550 mailbox unavailable" }))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using (var sent = await gateway.MarkAsync(email.OutboundId, "sent", body: null))
            await ProblemAssert.StatusAsync(sent, HttpStatusCode.Conflict, "already reported failed");

        var recorded = Assert.Single(await gateway.ListEmailsAsync("failed"), e => e.OutboundId == email.OutboundId);
        Assert.Equal("550 mailbox unavailable", recorded.FailureReason);
    }

    [Fact]
    public async Task BadRequests_4xxWithAMessage()
    {
        using var mailer = node.Integration();
        using var intruder = node.Integration(key: null);

        using (var noKey = await intruder.Http.GetAsync($"api/outbound/{DemoUsers.Workspace}/emails?status=pending"))
            await ProblemAssert.StatusAsync(noKey, HttpStatusCode.Unauthorized, "header is required");
        using (var badStatus = await mailer.Http.GetAsync($"api/outbound/{DemoUsers.Workspace}/emails?status=lost"))
            await ProblemAssert.StatusAsync(badStatus, HttpStatusCode.BadRequest, "status must be");
        using (var badLimit = await mailer.Http.GetAsync($"api/outbound/{DemoUsers.Workspace}/emails?limit=-1"))
            await ProblemAssert.StatusAsync(badLimit, HttpStatusCode.BadRequest, "limit must be");
        using (var unknown = await mailer.MarkAsync("o000000000000000000000000", "sent", body: null))
            await ProblemAssert.StatusAsync(unknown, HttpStatusCode.NotFound, "no outbound email");
    }
}
