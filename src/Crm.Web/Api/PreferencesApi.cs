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

    /// <summary>/api/account/preferences: the caller's own theme and notification settings.</summary>
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/account/preferences").WithTags("Account");
        api.MapGet("", (WorkspaceUser user, PreferencesService preferences) => preferences.GetAsync(user)).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("", (PreferencesRequest request, WorkspaceUser user, PreferencesService preferences) =>
            preferences.SetAsync(user, Validate(request))).RequirePolicy(CrmPolicies.Staff);
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
}
