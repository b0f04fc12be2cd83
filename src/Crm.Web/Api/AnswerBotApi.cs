using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class AnswerBotApi
{
    public sealed record AnswerBotRequest(bool? Enabled);

    /// <summary>/api/workspace/answer-bot: whether the widget's answer bot answers visitors (staff read it, admins change it).</summary>
    public static IEndpointRouteBuilder MapAnswerBotApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/workspace/answer-bot").WithTags("Workspace");
        api.MapGet("", async (WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.GetAnswerBotAsync(user))).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("", async (AnswerBotRequest? request, WorkspaceUser user, AssistantService assistant) =>
            request?.Enabled is { } enabled
                ? TypedResults.Ok(await assistant.ConfigureAnswerBotAsync(user, enabled))
                : throw new DomainException(DomainErrorKind.Invalid, "Send 'enabled': true or false."))
            .RequirePolicy(CrmPolicies.ConfigureAnswerBot);
        return endpoints;
    }
}
