using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class SavedViewsApi
{
    /// <summary>A view as sent: anything beyond name, filters, sort and columns is refused, not ignored.</summary>
    public sealed record ViewRequest(string? Name, Dictionary<string, string>? Filters, string? Sort, List<string>? Columns)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; init; }
    }

    /// <summary>
    /// /api/views/{list}: the caller's own saved views of the customers, companies or deals list. GET lists them, PUT saves
    /// one (replacing the same name), DELETE ?name= removes one. Deals views need the pipeline's policy, like the deals.
    /// </summary>
    public static IEndpointRouteBuilder MapSavedViewsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/views").WithTags("Saved views");
        MapList(api, SavedViewLists.Customers, CrmPolicies.Staff);
        MapList(api, SavedViewLists.Companies, CrmPolicies.Staff);
        MapList(api, SavedViewLists.Deals, CrmPolicies.Sell);
        // Any other list: a 400 that names the lists there are (literal routes above win over this one).
        api.MapMethods("/{list}", ["GET", "PUT", "DELETE"], (string list) =>
            Task.FromException(new DomainException(DomainErrorKind.Invalid,
                $"'{list}' is not a list with saved views; use {string.Join(", ", SavedViewLists.All)}."))).RequirePolicy(CrmPolicies.Staff);
        return endpoints;
    }

    private static void MapList(RouteGroupBuilder api, string list, string policy)
    {
        api.MapGet($"/{list}", (WorkspaceUser user, SavedViewService views) => views.ListAsync(user, list)).RequirePolicy(policy);
        api.MapPut($"/{list}", (ViewRequest request, WorkspaceUser user, SavedViewService views) =>
            views.SaveAsync(user, list, Validate(request))).RequirePolicy(policy);
        api.MapDelete($"/{list}", (string? name, WorkspaceUser user, SavedViewService views) =>
            views.DeleteAsync(user, list, name ?? throw new DomainException(DomainErrorKind.Invalid, "Say which view: ?name=…"))).RequirePolicy(policy);
    }

    public static SavedView Validate(ViewRequest request)
    {
        if (request.Unknown is { Count: > 0 } unknown)
            throw new DomainException(DomainErrorKind.Invalid,
                $"Unknown field{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Keys)}. Send name, filters, sort and columns.");
        return new SavedView(request.Name ?? "", request.Filters ?? [], request.Sort, request.Columns ?? []);
    }
}
