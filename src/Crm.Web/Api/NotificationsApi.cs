using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Notifications;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services.Notifications;

namespace Crm.Web.Api;

public static class NotificationsApi
{
    /// <summary>Either some ids or all: exactly one of the two. Anything else in the body is refused, not ignored.</summary>
    public sealed record NotificationsReadRequest(IReadOnlyList<string?>? Ids, bool? All)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; init; }
    }

    /// <summary>/api/notifications: the caller's own notification centre (the latest ones, the unread count, mark read).</summary>
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notifications").WithTags("Notifications").RequirePolicy(CrmPolicies.Staff);
        api.MapGet("", (WorkspaceUser user, NotificationService notifications) => notifications.ListAsync(user));
        api.MapPost("/read", (NotificationsReadRequest request, WorkspaceUser user, NotificationService notifications) =>
        {
            var (ids, all) = Validate(request);
            return notifications.MarkReadAsync(user, ids, all);
        });
        return endpoints;
    }

    public static (IReadOnlyList<string> Ids, bool All) Validate(NotificationsReadRequest request)
    {
        if (request.Unknown is { Count: > 0 } unknown)
            throw Invalid($"Unknown field{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Keys)}. Send ids or all.");
        var all = request.All ?? false;
        var ids = request.Ids ?? [];
        if (all == ids.Count > 0) throw Invalid("Send either 'ids' (the notifications to mark read) or 'all': true.");
        if (ids.Count > MarkNotificationsRead.MaxIds) throw Invalid($"Send at most {MarkNotificationsRead.MaxIds} ids at once.");
        if (ids.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > 200)) throw Invalid("Each id must be a notification id from GET /api/notifications.");
        return (ids.Select(id => id!).ToList(), all);
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
