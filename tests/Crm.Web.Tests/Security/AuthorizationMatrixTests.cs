using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>
/// The one authorization matrix against the running app: every endpoint, page and hub method the app maps carries a
/// policy of it, and calling each of them as each kind of caller is allowed or refused exactly as the matrix says.
/// </summary>
public sealed class AuthorizationMatrixTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>, IDisposable
{
    private static readonly string[] Callers = MatrixCallers.All;
    private static readonly IReadOnlyDictionary<string, string> StaffEmails = MatrixCallers.StaffEmails;

    // Commands that read no body: whatever is sent is ignored, so success is right for them.
    private static readonly HashSet<string> TakesNoBody =
    [
        "/api/account/2fa/authenticator",
        "/api/conversations/{conversationId}/offer/accept",
        "/api/conversations/{conversationId}/offer/decline",
    ];

    // Signing out ends the caller's session, so those run last, each on a sign-in of its own.
    private static readonly IReadOnlySet<string> SignOuts = MatrixCallers.SignOuts;

    private readonly TempFolder _commandData = new("authz");

    [Fact]
    public async Task EverySurface_CarriesAPolicyOfTheMatrix()
    {
        var report = await AuthorizationReport.ReadAsync(_commandData.Path);

        var unguarded = report.Surfaces.Where(s => s.Policies.Length == 0 || s.Policies.Any(p => !report.Policies.ContainsKey(p))).ToList();
        Assert.True(unguarded.Count == 0, "Surfaces without a matrix policy:\n" + string.Join('\n', unguarded));
        // The report is not trivially empty: the API, both hubs and the pages are in it.
        Assert.Contains(report.Surfaces, s => s.Route == "/api/conversations/{conversationId}/messages");
        Assert.Contains(report.Surfaces, s => s is { Kind: "hub-method", Route: "/hubs/widget" });
        Assert.Contains(report.Surfaces, s => s.Route == "/conversations/{ConversationId}");
    }

    [Fact]
    public async Task EveryEndpointAndPage_AnswersEachCallerAsTheMatrixSays()
    {
        var report = await AuthorizationReport.ReadAsync(_commandData.Path);
        var endpoints = report.Surfaces
            .Where(s => s.Kind == "endpoint" && s.Methods.Length > 0 && !IsStaticFile(s.Route))
            .OrderBy(s => SignOuts.Contains(s.Route))
            .ToList();
        var clients = await ClientsAsync();
        var mismatches = new List<string>();
        foreach (var surface in endpoints)
        foreach (var caller in Callers)
        {
            var method = surface.Methods.First(m => m != "HEAD");
            var http = SignOuts.Contains(surface.Route) && StaffEmails.TryGetValue(caller, out var email)
                ? (await node.SignInAsync(email)).Http
                : clients[caller];
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(surface.Route));
            if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            var refused = IsRefusal(response);
            var expected = !report.Admits(surface, caller);
            if (refused != expected || (int)response.StatusCode >= 500)
                mismatches.Add($"{caller,-10} {method} {surface.Route}: {(int)response.StatusCode} (matrix: {(expected ? "refuse" : "allow")})");
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} answers disagree with the matrix:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public async Task EveryHubMethod_AnswersEachCallerAsTheMatrixSays()
    {
        var report = await AuthorizationReport.ReadAsync(_commandData.Path);
        var methods = report.Surfaces.Where(s => s.Kind == "hub-method" && s.Route is "/hubs/conversations" or "/hubs/widget").ToList();
        var visitorToken = (await VisitorClient.CreateSessionAsync(node.BaseAddress)).Token;
        var mismatches = new List<string>();
        foreach (var hub in methods.GroupBy(m => m.Route))
        foreach (var caller in Callers)
        {
            await using var connection = await ConnectAsync(hub.Key, caller, visitorToken);
            var connected = await TryStartAsync(connection);
            foreach (var surface in hub)
            {
                var expected = !report.Admits(surface, caller);
                var (refused, answer) = connected ? await InvokeAsync(connection, surface) : (true, "connection refused");
                if (refused != expected || IsCrash(answer))
                    mismatches.Add($"{caller,-10} {hub.Key} {surface.Methods[0]}: {answer} (matrix: {(expected ? "refuse" : "allow")})");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} hub answers disagree with the matrix:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public async Task EveryEndpoint_WithAForgedCookieOrToken_IsAnsweredAsForAnonymous()
    {
        var report = await AuthorizationReport.ReadAsync(_commandData.Path);
        var endpoints = report.Surfaces.Where(s => s.Kind == "endpoint" && s.Methods.Length > 0 && !IsStaticFile(s.Route)).ToList();
        using var forgedCookie = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.BaseAddress };
        forgedCookie.DefaultRequestHeaders.Add("Cookie", $"crm.auth=CfDJ8{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}forged");
        using var forgedToken = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };
        forgedToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJmb3JnZWQiOnRydWV9.forged");
        var mismatches = new List<string>();
        foreach (var surface in endpoints)
        foreach (var (name, http) in new[] { ("forged cookie", forgedCookie), ("forged token", forgedToken) })
        {
            var method = surface.Methods.First(m => m != "HEAD");
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(surface.Route));
            if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            if (IsRefusal(response) != !report.Admits(surface, "anonymous") || (int)response.StatusCode >= 500)
                mismatches.Add($"{name} {method} {surface.Route}: {(int)response.StatusCode}");
        }

        Assert.True(mismatches.Count == 0, "Forged credentials got further than anonymous:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public async Task EveryWriteEndpoint_MalformedOrOversizedBody_Is4xxNever500()
    {
        var report = await AuthorizationReport.ReadAsync(_commandData.Path);
        var writes = report.Surfaces
            .Where(s => s.Kind == "endpoint" && s.Methods.Any(m => m is "POST" or "PUT") && s.Route.StartsWith("/api/", StringComparison.Ordinal)
                && !SignOuts.Contains(s.Route))
            .ToList();
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        // Sent over a raw socket that reads the answer while the body is still going out: a server refusing 2 MB answers
        // 413 and closes mid-upload, and that answer is asserted; a connection cut with no answer at all is a failure.
        var oversized = Encoding.UTF8.GetBytes("{\"body\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        var failures = new List<string>();
        foreach (var surface in writes)
        foreach (var (what, body) in new[] { ("malformed JSON", Encoding.UTF8.GetBytes("{\"body\": ")), ("2 MB body", oversized) })
        {
            var method = surface.Methods.First(m => m is "POST" or "PUT");
            var answer = await RawHttpExchange.SendAsync(node.BaseAddress, method, Concrete(surface.Route), admin.CookieHeader, "application/json", body);
            if (answer is null)
            {
                failures.Add($"{what} {method} {surface.Route}: the connection ended without an answer");
                continue;
            }
            var answered = answer.Status is >= 400 and < 500 || (answer.Status is >= 200 and < 300 && TakesNoBody.Contains(surface.Route));
            if (!answered)
                failures.Add($"{what} {method} {surface.Route}: {answer.Status}");
            if (body.Length > 1024 * 1024 && answer.Status == 413 && !answer.Body.Contains("too large", StringComparison.OrdinalIgnoreCase))
                failures.Add($"{what} {method} {surface.Route}: 413 without a message saying the body is too large");
        }

        Assert.True(failures.Count == 0, "Bad bodies not refused with a 4xx:\n" + string.Join('\n', failures));
    }

    private Task<Dictionary<string, HttpClient>> ClientsAsync() => MatrixCallers.ClientsAsync(node);

    /// <summary>
    /// 401/403, or a page that sends the caller to sign in or to "access denied" (followed or not: the console
    /// clients follow redirects, the anonymous one does not).
    /// </summary>
    private static bool IsRefusal(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return true;
        var landed = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            ? response.Headers.Location?.OriginalString
            : response.RequestMessage?.RequestUri?.PathAndQuery;
        return landed is not null && landed.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase)
            && (landed.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || landed.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsStaticFile(string route) => MatrixCallers.IsStaticFile(route);

    private static string Concrete(string route) => MatrixCallers.Concrete(route);

    private async Task<HubConnection> ConnectAsync(string route, string caller, string visitorToken)
    {
        string? cookie = null;
        if (StaffEmails.TryGetValue(caller, out var email))
        {
            using var user = await node.SignInAsync(email);
            cookie = user.CookieHeader;
        }
        return new HubConnectionBuilder().WithUrl(new Uri(node.BaseAddress, route.TrimStart('/')), options =>
        {
            if (caller == "visitor") options.AccessTokenProvider = () => Task.FromResult<string?>(visitorToken);
            if (cookie is not null) options.Headers["Cookie"] = cookie;
        }).Build();
    }

    private static async Task<bool> TryStartAsync(HubConnection connection)
    {
        try
        {
            await connection.StartAsync();
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Calls with harmless arguments of the right types; "refused" means the hub said the caller is unauthorized.</summary>
    private static async Task<(bool Refused, string Answer)> InvokeAsync(HubConnection connection, AuthorizationReport.Surface surface)
    {
        var args = surface.Parameters.Select(Argument).ToArray();
        try
        {
            await connection.InvokeCoreAsync(surface.Methods[0], typeof(object), args);
            return (false, "ok");
        }
        catch (HubException ex)
        {
            return (ex.Message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase), ex.Message);
        }
    }

    /// <summary>
    /// SignalR words every failure "An unexpected error occurred invoking …" and appends "HubException: reason" only
    /// for a deliberate refusal; without it the method threw something unplanned (the hub's 500).
    /// </summary>
    private static bool IsCrash(string answer) =>
        answer.StartsWith("An unexpected error", StringComparison.Ordinal) && !answer.Contains("HubException:", StringComparison.Ordinal);

    private static object? Argument(string type) => type switch
    {
        "String" => "authz-probe",
        "Int64" => 0L,
        "Int32" => 0,
        "Boolean" => false,
        "Guid" => Guid.NewGuid(),
        _ => null,
    };

    public void Dispose() => _commandData.Dispose();
}
