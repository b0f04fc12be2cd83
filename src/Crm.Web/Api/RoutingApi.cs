using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class RoutingApi
{
    /// <summary>
    /// A queue's policy as an admin sends it. The assignment is a string ("least-loaded") so an unknown value is a 400
    /// that lists the allowed ones; times are whole seconds, which a script writes more easily than a TimeSpan.
    /// </summary>
    public sealed record QueuePolicyRequest(
        string? Assignment,
        string? TeamId,
        IReadOnlyList<string>? RequiredSkills,
        int? OfferTimeoutSeconds,
        int? OverflowAfterSeconds,
        string? OverflowQueueId);

    public sealed record AgentRoutingRequest(int? ChatCapacity, int? TicketCapacity, IReadOnlyList<string>? Skills, IReadOnlyList<string>? Teams);

    /// <summary>
    /// Routing: queue policies (admins), agents' capacities, skills and teams (admins), the supervisor board, and the
    /// signed-in agent's answer to an offer. The router validates what it is given; its refusals come back as 4xx.
    /// </summary>
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder endpoints)
    {
        var queues = endpoints.MapGroup("/api/queues").WithTags("Routing");
        queues.MapPut("/{queueId}/policy", ConfigureQueueAsync).RequirePolicy(CrmPolicies.Administer);
        queues.MapGet("/{queueId}", async (string queueId, WorkspaceUser user, RoutingService routing) =>
            TypedResults.Ok(await routing.GetQueueAsync(user, queueId))).RequirePolicy(CrmPolicies.Staff);

        endpoints.MapPut("/api/agents/{agentId}/routing", ConfigureAgentAsync).WithTags("Routing").RequirePolicy(CrmPolicies.Administer);

        endpoints.MapGet("/api/board", async (WorkspaceUser user, RoutingService routing) => TypedResults.Ok(await routing.GetBoardAsync(user)))
            .WithTags("Routing").RequirePolicy(CrmPolicies.Supervise);

        var offers = endpoints.MapGroup("/api/conversations/{conversationId}/offer").WithTags("Routing").RequirePolicy(CrmPolicies.Converse);
        offers.MapPost("/accept", async (string conversationId, WorkspaceUser user, RoutingService routing) =>
            TypedResults.Ok(await routing.AcceptOfferAsync(user, conversationId)));
        offers.MapPost("/decline", async (string conversationId, WorkspaceUser user, RoutingService routing) =>
        {
            await routing.DeclineOfferAsync(user, conversationId);
            return TypedResults.NoContent();
        });
        return endpoints;
    }

    private static async Task<Ok<QueueDetails>> ConfigureQueueAsync(
        string queueId, QueuePolicyRequest request, WorkspaceUser user, RoutingService routing)
    {
        var assignment = QueryEnum.Parse<AssignmentPolicy>(request.Assignment, "assignment")
            ?? throw new DomainException(DomainErrorKind.Invalid, "assignment is required: manual, least-loaded or round-robin.");
        var policy = new QueuePolicy(
            assignment,
            request.TeamId,
            request.RequiredSkills,
            Seconds(request.OfferTimeoutSeconds, "offerTimeoutSeconds"),
            Seconds(request.OverflowAfterSeconds, "overflowAfterSeconds"),
            request.OverflowQueueId);
        return TypedResults.Ok(await routing.ConfigureQueueAsync(user, queueId, policy));
    }

    private static async Task<Ok<AgentDetails>> ConfigureAgentAsync(
        string agentId, AgentRoutingRequest request, WorkspaceUser user, RoutingService routing) =>
        TypedResults.Ok(await routing.ConfigureAgentAsync(user, agentId,
            request.ChatCapacity ?? throw Missing("chatCapacity"),
            request.TicketCapacity ?? throw Missing("ticketCapacity"),
            request.Skills ?? [],
            request.Teams ?? []));

    // The router checks the range; here only that the number can be a duration at all.
    private static TimeSpan? Seconds(int? seconds, string name) => seconds switch
    {
        null => null,
        < 0 => throw new DomainException(DomainErrorKind.Invalid, $"{name} cannot be negative."),
        _ => TimeSpan.FromSeconds(seconds.Value),
    };

    private static DomainException Missing(string name) => new(DomainErrorKind.Invalid, $"{name} is required.");
}
