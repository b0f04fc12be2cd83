using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class ConversationsApi
{
    public sealed record PostMessageRequest(Guid ClientMessageId, string? Body);

    public sealed record ChangeStatusRequest(ConversationStatus? Status, DateTimeOffset? SnoozeUntil);

    public sealed record AssignRequest(string? AgentId);

    public sealed record MarkReadRequest(long? UpToSeq);

    public sealed record SetPriorityRequest(Priority? Priority);

    public sealed record ChangeLabelsRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

    /// <param name="QueueId">Optional: the queue it waits in for routing (the supervisor board counts it there).</param>
    public sealed record OpenConversationRequest(string? ConversationId, string CustomerId, string? CustomerName, string? Subject, string? QueueId = null);

    /// <summary>/api/conversations: the inbox, a thread, gap-fill after a sequence number, posting as the signed-in agent.</summary>
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/conversations").WithTags("Conversations");
        // Reading is for every console user (sales reps read a customer's history); anything that changes a
        // conversation, marking it read included, is for the people who answer.
        var read = api.MapGroup("").RequirePolicy(CrmPolicies.Staff);
        var write = api.MapGroup("").RequirePolicy(CrmPolicies.Converse);
        read.MapGet("/", ListAsync);
        read.MapGet("/counts", async (WorkspaceUser user, ConversationService conversations) => TypedResults.Ok(await conversations.CountInboxAsync(user)));
        write.MapPost("/", OpenAsync);
        read.MapGet("/{conversationId}", GetAsync);
        read.MapGet("/{conversationId}/messages", GetMessagesAsync);
        write.MapPost("/{conversationId}/messages", PostMessageAsync);
        write.MapPost("/{conversationId}/notes", async (string conversationId, PostMessageRequest request, WorkspaceUser user, ConversationService conversations) =>
            TypedResults.Ok(await conversations.PostNoteAsync(user, conversationId, request.ClientMessageId, request.Body)));
        write.MapPost("/{conversationId}/read", async (string conversationId, MarkReadRequest request, WorkspaceUser user, ConversationService conversations) =>
            TypedResults.Ok(await conversations.MarkReadAsync(user, conversationId, Required(request.UpToSeq, "upToSeq"))));
        write.MapPut("/{conversationId}/status", async (string conversationId, ChangeStatusRequest request, WorkspaceUser user, ConversationService conversations) =>
            TypedResults.Ok(await conversations.ChangeStatusAsync(user, conversationId, Required(request.Status, "status"), request.SnoozeUntil)));
        write.MapPut("/{conversationId}/assignee", async (string conversationId, AssignRequest request, WorkspaceUser user, ConversationService conversations) =>
            TypedResults.Ok(await conversations.AssignAsync(user, conversationId, request.AgentId)));
        write.MapPut("/{conversationId}/priority", async (string conversationId, SetPriorityRequest request, WorkspaceUser user, ConversationService conversations) =>
            TypedResults.Ok(await conversations.SetPriorityAsync(user, conversationId, Required(request.Priority, "priority"))));
        write.MapPost("/{conversationId}/labels", async (string conversationId, ChangeLabelsRequest request, WorkspaceUser user, ConversationService conversations) =>
            TypedResults.Ok(await conversations.ChangeLabelsAsync(user, conversationId, request.Add, request.Remove)));
        return endpoints;
    }

    private static T Required<T>(T? value, string name) where T : struct =>
        value ?? throw new Grains.Abstractions.Errors.DomainException(Grains.Abstractions.Errors.DomainErrorKind.Invalid, $"{name} is required.");

    /// <summary>?view=all|mine|unassigned &amp;status= &amp;queue= &amp;label= &amp;sort=latest-activity|longest-waiting &amp;limit=</summary>
    private static async Task<Ok<IReadOnlyList<ConversationSummary>>> ListAsync(
        string? status, int? limit, string? view, string? queue, string? label, string? sort,
        WorkspaceUser user, ConversationService conversations) =>
        TypedResults.Ok(await conversations.ListInboxAsync(user, new InboxQuery(
            QueryEnum.Parse<ConversationStatus>(status, "status"),
            limit ?? 100,
            QueryEnum.Parse<InboxView>(view, "view") ?? InboxView.All,
            user.AgentId,
            queue,
            label?.Trim().ToLowerInvariant(),
            QueryEnum.Parse<InboxSort>(sort, "sort") ?? InboxSort.LatestActivity)));

    private static async Task<Created<ConversationDetails>> OpenAsync(
        OpenConversationRequest request, WorkspaceUser user, ConversationService conversations)
    {
        var conversationId = request.ConversationId ?? Ids.New();
        var details = await conversations.OpenAsync(user, conversationId, new OpenConversation(
            request.CustomerId, request.CustomerName ?? "", Channel.Api, request.Subject ?? "",
            request.QueueId is null ? null : Ids.Require(request.QueueId, "queue"), user.Actor));
        return TypedResults.Created($"/api/conversations/{details.ConversationId}", details);
    }

    private static async Task<Ok<ConversationDetails>> GetAsync(string conversationId, WorkspaceUser user, ConversationService conversations) =>
        TypedResults.Ok(await conversations.GetDetailsAsync(user, conversationId));

    private static async Task<Ok<IReadOnlyList<MessageDetails>>> GetMessagesAsync(
        string conversationId, long? after, WorkspaceUser user, ConversationService conversations) =>
        TypedResults.Ok(await conversations.GetMessagesAfterAsync(user, conversationId, after ?? 0));

    private static async Task<Ok<MessageDetails>> PostMessageAsync(
        string conversationId, PostMessageRequest request, WorkspaceUser user, ConversationService conversations) =>
        TypedResults.Ok(await conversations.PostAgentMessageAsync(user, conversationId, request.ClientMessageId, request.Body));
}
