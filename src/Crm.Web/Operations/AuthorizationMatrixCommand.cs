using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Web.Hosting;
using Crm.Web.Security.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Operations;

/// <summary>
/// <c>authorization-matrix</c>: prints, as JSON, who each policy admits and the policy of every endpoint, page and hub
/// method the app maps — the app is built exactly as it runs, but never started. A surface without a policy of the
/// matrix shows <c>"policies": []</c>; the authorization test fails on it. Exit code 0, or 1 when any surface lacks one.
/// </summary>
internal static class AuthorizationMatrixCommand
{
    public const string Name = "authorization-matrix";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Hub methods every hub has from its base class: not callable by clients.</summary>
    private static readonly HashSet<string> HubLifecycle = [nameof(Hub.OnConnectedAsync), nameof(Hub.OnDisconnectedAsync), nameof(Hub.Dispose)];

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.AddCrmWeb();
        await using var app = builder.Build();
        app.MapCrmEndpoints();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).ToList();
        var routes = endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null)
            .Select(e => new SurfaceEntry(
                "endpoint",
                e.RoutePattern.RawText ?? e.DisplayName ?? "",
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? [],
                [],
                IsDevelopmentFileFallback(e) ? [CrmPolicies.Public] : PoliciesOf(e.Metadata.OfType<object>()),
                BodyShape.Of(e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .DistinctBy(e => (e.Route, string.Join(',', e.Methods)))
            .ToList();
        var hubs = endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Hub: e.Metadata.GetMetadata<HubMetadata>()))
            .Where(x => x.Hub is not null && x.Endpoint.RoutePattern.RawText?.EndsWith("/negotiate", StringComparison.Ordinal) == false)
            .SelectMany(x => HubMethods(x.Endpoint, x.Hub!.HubType))
            .ToList();

        var surfaces = routes.Concat(hubs).ToList();
        Console.WriteLine(JsonSerializer.Serialize(new MatrixReport(AuthorizationMatrix.Allowed, surfaces), Json));
        return surfaces.Any(s => s.Policies.Count == 0) ? 1 : 0;
    }

    /// <summary>
    /// In Development, MapStaticAssets adds a fallback that serves files from wwwroot not yet in the build's manifest;
    /// it is added after every convention ran, so it cannot carry a policy. It serves static files only: public.
    /// </summary>
    private static bool IsDevelopmentFileFallback(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText == "{**path:file}" && endpoint.DisplayName?.StartsWith("Fallback", StringComparison.Ordinal) == true;

    /// <summary>
    /// Each client-callable method of a hub: the policy of its endpoint (which holds the hub class's attributes) and
    /// the method's own; a caller must pass both.
    /// </summary>
    private static IEnumerable<SurfaceEntry> HubMethods(RouteEndpoint endpoint, Type hubType)
    {
        var route = endpoint.RoutePattern.RawText!;
        var hubPolicies = PoliciesOf(endpoint.Metadata.OfType<object>());
        return hubType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !HubLifecycle.Contains(m.Name))
            .Select(m => new SurfaceEntry("hub-method", route, [m.Name], m.GetParameters().Select(p => p.ParameterType.Name).ToArray(),
                hubPolicies.Concat(PoliciesOf(m.GetCustomAttributes(inherit: true))).Distinct().ToList(),
                m.GetParameters().Select(p => BodyShape.Of(p.ParameterType)).FirstOrDefault(f => f is not null)));
    }

    /// <summary>
    /// The matrix policies one surface carries: every [Authorize(Policy)], or the named anonymous policy. Anything
    /// else — a bare [Authorize], roles outside the matrix, or [AllowAnonymous] without saying why — counts as none.
    /// </summary>
    private static IReadOnlyList<string> PoliciesOf(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        var named = items.OfType<CrmPolicyAttribute>().Select(p => p.Policy);
        var authorize = items.OfType<IAuthorizeData>().ToList();
        if (authorize.Any(a => a.Policy is null || !AuthorizationMatrix.Allowed.ContainsKey(a.Policy) || a.Roles is not null)) return [];
        var policies = authorize.Select(a => a.Policy!).Concat(named).Distinct().ToList();
        var anonymous = items.OfType<IAllowAnonymous>().Any();
        // An anonymous surface must be one of the matrix's anonymous policies, nothing else.
        if (anonymous && !policies.All(p => p is CrmPolicies.Public or CrmPolicies.Integration)) return [];
        return policies;
    }

    /// <param name="Methods">HTTP methods of an endpoint, or the name of a hub method.</param>
    /// <param name="Parameters">A hub method's parameter types (CLR names), so a caller can be simulated.</param>
    /// <param name="Fields">The JSON fields of an endpoint's body, or of a hub method's first object parameter (a list's
    /// items), with their JSON kinds: what a fuzzer replaces one at a time.</param>
    private sealed record SurfaceEntry(
        string Kind, string Route, string[] Methods, string[] Parameters, IReadOnlyList<string> Policies, IReadOnlyDictionary<string, string>? Fields);

    private sealed record MatrixReport(IReadOnlyDictionary<string, IReadOnlyList<Caller>> Policies, IReadOnlyList<SurfaceEntry> Surfaces);
}
