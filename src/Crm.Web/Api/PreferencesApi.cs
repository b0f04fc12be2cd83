using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Preferences;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class PreferencesApi
{
    /// <summary>All three settings, always: a PUT replaces them. Anything else in the body is refused, not ignored.</summary>
    public sealed record PreferencesRequest(string? Theme, bool? BrowserNotifications, bool? Sound)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; init; }
    }

    /// <summary>All four values, always: a PUT replaces the layout. Anything else in the body is refused, not ignored.</summary>
    public sealed record PaneLayoutRequest(int? ListWidth, int? ContextWidth, bool? ListFolded, bool? ContextFolded)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; init; }
    }

    /// <summary>/api/account/preferences: the caller's own theme and notification settings, and /layout their panes.</summary>
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/account/preferences").WithTags("Account");
        api.MapGet("", (WorkspaceUser user, PreferencesService preferences) => preferences.GetAsync(user)).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("", (PreferencesRequest request, WorkspaceUser user, PreferencesService preferences) =>
            preferences.SetAsync(user, Validate(request))).RequirePolicy(CrmPolicies.Staff);
        api.MapGet("/layout", (WorkspaceUser user, PreferencesService preferences) => preferences.GetLayoutAsync(user)).RequirePolicy(CrmPolicies.SignedIn);
        api.MapPut("/layout", (PaneLayoutRequest request, WorkspaceUser user, PreferencesService preferences) =>
            preferences.SetLayoutAsync(user, Validate(request))).RequirePolicy(CrmPolicies.SignedIn);
        return endpoints;
    }

    public static UserPreferences Validate(PreferencesRequest request)
    {
        if (request.Unknown is { Count: > 0 } unknown)
            throw new DomainException(DomainErrorKind.Invalid,
                $"Unknown setting{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Keys)}. Send theme, browserNotifications and sound.");
        var theme = QueryEnum.Parse<ThemeMode>(request.Theme, "theme")
            ?? throw new DomainException(DomainErrorKind.Invalid, "Send 'theme': system, light or dark.");
        if (request.BrowserNotifications is not { } browser || request.Sound is not { } sound)
            throw new DomainException(DomainErrorKind.Invalid, "Send 'browserNotifications' and 'sound': true or false.");
        return new UserPreferences(theme, browser, sound);
    }

    public static PaneLayout Validate(PaneLayoutRequest request)
    {
        if (request.Unknown is { Count: > 0 } unknown)
            throw new DomainException(DomainErrorKind.Invalid,
                $"Unknown setting{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Keys)}. Send listWidth, contextWidth, listFolded and contextFolded.");
        if (request is not { ListWidth: { } list, ContextWidth: { } context, ListFolded: { } listFolded, ContextFolded: { } contextFolded })
            throw new DomainException(DomainErrorKind.Invalid, "Send 'listWidth' and 'contextWidth' (pixels) and 'listFolded' and 'contextFolded' (true or false).");
        var layout = new PaneLayout(list, context, listFolded, contextFolded);
        return layout.Problem() is { } problem ? throw new DomainException(DomainErrorKind.Invalid, problem) : layout;
    }
}
