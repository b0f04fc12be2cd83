using Crm.Grains.Abstractions.Mail;

namespace Crm.Web.Inbound;

/// <summary>The mailer's facade over a workspace's <see cref="IMailOutboxGrain"/>; the workspace comes from the authenticated route.</summary>
public sealed class MailOutboxService(IGrainFactory grains)
{
    private const string Actor = "integration:mailer";

    public Task<IReadOnlyList<OutboundEmail>> ListAsync(string workspaceId, OutboundEmailStatus status, int limit) =>
        Outbox(workspaceId).ListAsync(new OutboundEmailQuery(status, limit));

    public Task<OutboundEmail> MarkSentAsync(string workspaceId, string outboundId, string? providerMessageId) =>
        Outbox(workspaceId).MarkSentAsync(new MarkEmailSent(outboundId, providerMessageId, Actor));

    public Task<OutboundEmail> MarkFailedAsync(string workspaceId, string outboundId, string? reason) =>
        Outbox(workspaceId).MarkFailedAsync(new MarkEmailFailed(outboundId, reason, Actor));

    private IMailOutboxGrain Outbox(string workspaceId) => grains.GetGrain<IMailOutboxGrain>(workspaceId);
}
