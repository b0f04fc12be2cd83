using Crm.Web.Security.Authorization;
using System.Globalization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Mail;
using Crm.Web.Inbound;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class OutboundMailApi
{
    public sealed record SentRequest(string? ProviderMessageId);

    public sealed record FailedRequest(string? Reason);

    /// <summary>
    /// /api/outbound/{workspaceId}/emails: the mailer's queue of agents' replies on email conversations, with the same
    /// integration key as inbound. Reporting sent or failed is idempotent.
    /// </summary>
    public static IEndpointRouteBuilder MapOutboundMailApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup($"/api/outbound/{{{IntegrationKeyFilter.WorkspaceRouteParameter}}}/emails").WithTags("Outbound mail")
            .RequirePolicy(CrmPolicies.Integration).DisableAntiforgery().AddEndpointFilter<IntegrationKeyFilter>();
        api.MapGet("/", ListAsync);
        api.MapPost("/{outboundId}/sent", async (string workspaceId, string outboundId, HttpRequest request, IntegrationJson json, MailOutboxService outbox) =>
            TypedResults.Ok(await outbox.MarkSentAsync(workspaceId, outboundId, (await json.ReadAsync<SentRequest>(request))?.ProviderMessageId)));
        api.MapPost("/{outboundId}/failed", async (string workspaceId, string outboundId, HttpRequest request, IntegrationJson json, MailOutboxService outbox) =>
            TypedResults.Ok(await outbox.MarkFailedAsync(workspaceId, outboundId, (await json.ReadAsync<FailedRequest>(request))?.Reason)));
        return endpoints;
    }

    /// <summary>
    /// ?status=pending|sent|failed (default pending) &amp;limit=1–500 (default 100), oldest first. Query values are bound
    /// as strings and parsed here, so a bad one is refused after the key check, with a message.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<OutboundEmail>>> ListAsync(string workspaceId, string? status, string? limit, MailOutboxService outbox)
    {
        var parsedStatus = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "pending" => OutboundEmailStatus.Pending,
            "sent" => OutboundEmailStatus.Sent,
            "failed" => OutboundEmailStatus.Failed,
            _ => throw new DomainException(DomainErrorKind.Invalid, "status must be pending, sent or failed."),
        };
        var parsedLimit = 100;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) || parsedLimit is < 1 or > 500))
            throw new DomainException(DomainErrorKind.Invalid, "limit must be a whole number from 1 to 500.");
        return TypedResults.Ok(await outbox.ListAsync(workspaceId, parsedStatus, parsedLimit));
    }
}
