using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Security.Fuzzing;

/// <summary>
/// Our own fuzzer: every surface of the authorization matrix (its report is the enumeration) and every method of both
/// hubs get generated hostile input, as anonymous, a visitor and each console role. It fails on a 5xx, an answer that
/// names an exception type, a hub error that is not a refusal, the event store moving after a refused request, and
/// /health/live not answering. A fixed seed and fixed value lists: the same requests every run, bounded in number.
/// </summary>
public sealed class BadInputFuzzTests(ProductionWebNodeFixture node, ITestOutputHelper output)
    : IClassFixture<ProductionWebNodeFixture>, IDisposable
{
    private const int Seed = 11;

    /// <summary>The admin passes every policy and gets every REST case (an agent and a visitor every hub case); other
    /// callers a seeded sample per surface.</summary>
    private const int SampledCasesPerCaller = 4;

    private const int RestLongString = 100_000;

    /// <summary>Below the hubs' 64 KB message limit, so the method (not the transport) answers.</summary>
    private const int HubLongString = 20_000;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    private readonly TempFolder _commandData = new("fuzz");

    [Fact]
    public async Task EverySurfaceAndHubMethod_HostileInputAsEveryCaller_RefusedCleanlyWithTheStoreUnchanged()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var clock = Stopwatch.StartNew();
        var report = await AuthorizationReport.ReadAsync(_commandData.Path);
        var clients = await MatrixCallers.ClientsAsync(node);
        await using var store = new StoreHead(node.DataPath);
        var verdict = new FuzzVerdict();
        var ids = await KnownIdsAsync(clients["admin"]);

        var endpoints = report.Surfaces
            .Where(s => s.Kind == "endpoint" && s.Methods.Length > 0 && !MatrixCallers.IsStaticFile(s.Route))
            .ToList();
        var random = new Random(Seed);
        foreach (var surface in endpoints)
        {
            var cases = RestCases(surface, ids).ToList();
            foreach (var caller in MatrixCallers.All)
            {
                if (caller != "anonymous" && MatrixCallers.SignOuts.Contains(surface.Route)) continue;
                var chosen = caller == "admin" ? cases : cases.OrderBy(_ => random.Next()).Take(SampledCasesPerCaller);
                foreach (var fuzzCase in chosen)
                    await SendAsync(clients[caller], caller, fuzzCase, store, verdict, deadline.Token);
            }
            await RequireLiveAsync(verdict, surface.Route, deadline.Token);
        }

        var restSeconds = clock.Elapsed.TotalSeconds;
        var hubMethods = report.Surfaces.Where(s => s.Kind == "hub-method" && s.Route is "/hubs/conversations" or "/hubs/widget").ToList();
        await FuzzHubsAsync(hubMethods, clients, ids, store, verdict, random, deadline.Token);
        await RequireLiveAsync(verdict, "the end", deadline.Token);

        var surfaces = endpoints.Count + hubMethods.Count;
        output.WriteLine($"fuzz surfaces={surfaces} (endpoints={endpoints.Count} hub_methods={hubMethods.Count}) requests={verdict.Requests} " +
            $"refused={verdict.Refused} hub_binding_refusals={verdict.HubBindingRefusals} seconds={clock.Elapsed.TotalSeconds:0.0} (rest={restSeconds:0.0}) seed={Seed}");
        Assert.True(verdict.Failures.Count == 0,
            $"{verdict.Failures.Count} findings in {verdict.Requests} requests:\n" + string.Join('\n', verdict.Failures));
    }

    /// <summary>Ids that name real things, so a case gets past "not found" to the validation it means to probe.</summary>
    private async Task<Dictionary<string, string>> KnownIdsAsync(HttpClient admin)
    {
        var conversationId = $"fuzz-{Guid.NewGuid():N}";
        using var opened = await admin.PostAsJsonAsync("api/conversations",
            new { conversationId, customerId = "fuzz-customer", customerName = "Fuzz Customer", subject = "Fuzzed" });
        Assert.True(opened.IsSuccessStatusCode, $"opening {conversationId}: {(int)opened.StatusCode}");
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["{conversationId}"] = conversationId, ["{queueId}"] = "support", ["{agentId}"] = "alex", ["{workspaceId}"] = "demo",
            ["{shortcut}"] = "fuzz", ["{fileName}"] = "probe.pdf",
        };
    }

    private sealed record RestCase(string Name, string Method, string Url, string? Json, bool TruncatedMultipart = false);

    private static IEnumerable<RestCase> RestCases(AuthorizationReport.Surface surface, IReadOnlyDictionary<string, string> ids)
    {
        var method = surface.Methods.First(m => m != "HEAD");
        var parameters = MatrixCallers.Parameters(surface.Route);
        string Url(string? replaced = null, string? segment = null)
        {
            var route = surface.Route;
            foreach (var parameter in parameters)
                route = route.Replace(parameter, parameter == replaced ? segment! : ids.GetValueOrDefault(parameter, "fuzz-probe"), StringComparison.Ordinal);
            return route.TrimStart('/');
        }
        var fields = surface.Fields ?? new Dictionary<string, string>();
        var plausible = fields.ToDictionary(f => f.Key, f => Plausible(f.Value));
        var hasBody = method is "POST" or "PUT" or "PATCH";
        var baseBody = hasBody ? JsonText.Object(plausible) : null;

        foreach (var parameter in parameters)
        foreach (var (name, segment) in BadInput.Segments)
            yield return new($"{parameter} = {name}", method, Url(parameter, segment), baseBody);
        if (hasBody)
        {
            foreach (var (name, json) in BadInput.Bodies) yield return new($"body: {name}", method, Url(), json);
            foreach (var field in fields)
            foreach (var (name, json) in BadInput.Values(field.Value, RestLongString))
                yield return new($"{field.Key} = {name}", method, Url(), JsonText.Object(plausible.Select(p => p.Key == field.Key ? new(p.Key, json) : p)));
            yield return new("truncated multipart", method, Url(), null, TruncatedMultipart: true);
        }
        else if (method == "GET")
        {
            foreach (var (name, value) in BadInput.Strings(3_000))
            {
                var v = Uri.EscapeDataString(value);
                yield return new($"query = {name}", method, $"{Url()}?after={v}&before={v}&limit={v}&from={v}&to={v}&view={v}&status={v}&sort={v}&label={v}&q={v}", null);
            }
            yield return new("query = number limits", method, $"{Url()}?after=-1&before=9223372036854775808&limit=2147483648&from=9999-12-31&to=0001-01-01", null);
        }
    }

    private static string Plausible(string kind) => kind switch
    {
        "number" => "1",
        "boolean" => "false",
        "array" => "[]",
        "object" => "{}",
        _ => "\"fuzz-probe\"",
    };

    private async Task SendAsync(HttpClient http, string caller, RestCase fuzzCase, StoreHead store, FuzzVerdict verdict, CancellationToken cancellationToken)
    {
        var before = await store.PositionAsync();
        using var request = new HttpRequestMessage(new HttpMethod(fuzzCase.Method), fuzzCase.Url);
        if (fuzzCase.TruncatedMultipart) request.Content = BadInput.TruncatedMultipart();
        else if (fuzzCase.Json is not null) request.Content = new StringContent(fuzzCase.Json, Encoding.UTF8, "application/json");
        var what = $"{caller,-10} {fuzzCase.Method} /{fuzzCase.Url[..Math.Min(fuzzCase.Url.Length, 120)]} [{fuzzCase.Name}]";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            verdict.Fail($"{what}: no answer ({e.Message})");
            return;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (verdict.Http(what, (int)response.StatusCode, body)) await RequireUnchangedAsync(store, before, what, verdict);
        }
    }

    private static async Task RequireUnchangedAsync(StoreHead store, long before, string what, FuzzVerdict verdict)
    {
        if (await store.PositionAsync() != before && await store.AppendedAfterAsync(before) is { Count: > 0 } appended)
            verdict.Fail($"{what}: refused, but the store took {string.Join("; ", appended)}");
    }

    private async Task RequireLiveAsync(FuzzVerdict verdict, string after, CancellationToken cancellationToken)
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var live = await anonymous.GetAsync("health/live", cancellationToken);
            if (!live.IsSuccessStatusCode) verdict.Fail($"/health/live answered {(int)live.StatusCode} after {after}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            verdict.Fail($"/health/live did not answer after {after}: {e.Message}");
        }
    }

    private async Task FuzzHubsAsync(
        IReadOnlyList<AuthorizationReport.Surface> methods, Dictionary<string, HttpClient> clients, IReadOnlyDictionary<string, string> ids,
        StoreHead store, FuzzVerdict verdict, Random random, CancellationToken cancellationToken)
    {
        var visitorToken = (await VisitorClient.CreateSessionAsync(node.BaseAddress)).Token;
        var cookies = new Dictionary<string, string>();
        foreach (var (caller, email) in MatrixCallers.StaffEmails)
        {
            using var user = await node.SignInAsync(email);
            cookies[caller] = user.CookieHeader;
        }
        foreach (var hub in methods.GroupBy(m => m.Route))
        foreach (var caller in MatrixCallers.All)
        {
            var cookie = cookies.GetValueOrDefault(caller);
            var bearer = caller == "visitor" ? visitorToken : null;
            await using var connection = await TryConnectAsync(hub.Key, cookie, bearer, verdict, caller, cancellationToken);
            if (connection is null) continue;
            var conversationId = hub.Key == "/hubs/widget" ? await StartVisitorChatAsync(connection, cancellationToken) : ids["{conversationId}"];
            var current = connection;
            foreach (var method in hub)
            {
                var cases = HubCases(method, conversationId).ToList();
                var chosen = caller is "agent" or "visitor" ? cases : cases.OrderBy(_ => random.Next()).Take(SampledCasesPerCaller);
                foreach (var (name, arguments) in chosen)
                {
                    var before = await store.PositionAsync();
                    var what = $"{caller,-10} {hub.Key} {method.Methods[0]} [{name}]";
                    var error = await current.InvokeAsync(method.Methods[0], arguments, cancellationToken);
                    if (verdict.Hub(what, error)) await RequireUnchangedAsync(store, before, what, verdict);
                    if (!current.IsOpen)
                    {
                        // Counted as a failure above; reconnect so the rest still runs.
                        await current.DisposeAsync();
                        current = await TryConnectAsync(hub.Key, cookie, bearer, verdict, caller, cancellationToken)
                            ?? throw new InvalidOperationException($"{caller} could not reconnect to {hub.Key}");
                    }
                }
            }
            if (!ReferenceEquals(current, connection)) await current.DisposeAsync();
            await RequireLiveAsync(verdict, $"{caller} on {hub.Key}", cancellationToken);
        }
    }

    private async Task<RawHubClient?> TryConnectAsync(
        string path, string? cookie, string? bearer, FuzzVerdict verdict, string caller, CancellationToken cancellationToken)
    {
        try
        {
            return await RawHubClient.ConnectAsync(node.BaseAddress, path.TrimStart('/'), cookie, bearer, cancellationToken);
        }
        catch (System.Net.WebSockets.WebSocketException e)
        {
            // Refused at the upgrade (a caller the hub does not admit): fine, unless the server failed.
            verdict.Http($"{caller,-10} {path} upgrade", e.Message.Contains("'500'", StringComparison.Ordinal) ? 500 : 401, e.Message);
            return null;
        }
    }

    private static async Task<string> StartVisitorChatAsync(RawHubClient connection, CancellationToken cancellationToken)
    {
        var conversationId = $"fuzz-visit-{Guid.NewGuid():N}";
        var error = await connection.InvokeAsync("StartConversation",
            [JsonText.Object([new("conversationId", JsonText.Quote(conversationId)), new("name", "\"Fuzz Visitor\"")])], cancellationToken);
        Assert.True(error == "", $"StartConversation: {error}");
        return conversationId;
    }

    /// <summary>For each parameter (and each field of an object parameter), every bad value, the others plausible.</summary>
    private static IEnumerable<(string Name, string[] Arguments)> HubCases(AuthorizationReport.Surface method, string conversationId)
    {
        var plausible = method.Parameters.Select((type, i) => PlausibleArgument(type, i, conversationId, method.Fields)).ToArray();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var kind = HubKind(method.Parameters[i]);
            foreach (var (name, json) in BadInput.Values(kind, HubLongString))
                yield return ($"arg {i} ({method.Parameters[i]}) = {name}", With(plausible, i, json));
            if (method.Fields is { } fields && kind is "object" or "array")
            {
                var item = fields.ToDictionary(f => f.Key, f => Plausible(f.Value));
                foreach (var field in fields)
                foreach (var (name, json) in BadInput.Values(field.Value, HubLongString))
                {
                    var value = JsonText.Object(item.Select(p => p.Key == field.Key ? new(p.Key, json) : p));
                    yield return ($"arg {i}.{field.Key} = {name}", With(plausible, i, kind == "array" ? $"[{value}]" : value));
                }
            }
        }
    }

    private static string[] With(string[] arguments, int index, string value)
    {
        var copy = arguments.ToArray();
        copy[index] = value;
        return copy;
    }

    private static string HubKind(string type) => type switch
    {
        "String" or "Guid" => "string",
        "Int64" or "Int32" => "number",
        "Boolean" => "boolean",
        _ when type.StartsWith("IReadOnlyList", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "array",
        _ => "object",
    };

    private static string PlausibleArgument(string type, int index, string conversationId, IReadOnlyDictionary<string, string>? fields) => type switch
    {
        // The first string of every conversation method is its id; later strings are bodies and names.
        "String" => JsonText.Quote(index == 0 ? conversationId : "fuzz-probe"),
        "Guid" => JsonText.Quote(Guid.NewGuid().ToString()),
        "Int64" or "Int32" => "0",
        "Boolean" => "false",
        _ when HubKind(type) == "array" => "[]",
        _ => JsonText.Object((fields ?? new Dictionary<string, string>()).Select(f => new KeyValuePair<string, string>(f.Key, Plausible(f.Value)))),
    };

    public void Dispose() => _commandData.Dispose();
}
