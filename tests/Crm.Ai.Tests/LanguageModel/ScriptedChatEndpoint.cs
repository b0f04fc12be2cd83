using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Ai.Tests.LanguageModel;

/// <summary>
/// An OpenAI-compatible <c>/v1/chat/completions</c> on a free loopback port that plays back a script: each request
/// takes the next step (a text completion, tool calls, or a hang until the caller gives up) and is recorded, so a
/// test sees exactly what left the process. A request past the end of the script gets a 500.
/// </summary>
public sealed class ScriptedChatEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly CancellationTokenSource _stopping = new();

    private ScriptedChatEndpoint(WebApplication app) => _app = app;

    /// <summary>Base address for <c>Crm:Ai:Endpoint</c> (ends in /v1).</summary>
    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<ScriptedChatEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var endpoint = new ScriptedChatEndpoint(builder.Build());
        endpoint._app.MapPost("/v1/chat/completions", endpoint.AnswerAsync);
        await endpoint._app.StartAsync();
        var address = endpoint._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Endpoint = $"{address}/v1";
        return endpoint;
    }

    public ScriptedChatEndpoint Reply(string content, int totalTokens = 100) =>
        Then(context => WriteAsync(context, new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop", totalTokens));

    /// <summary>One assistant turn asking for these tools (name as the kernel exposes it, e.g. crm-search_knowledge_base).</summary>
    public ScriptedChatEndpoint CallTools(int totalTokens, params (string Name, object Arguments)[] calls) =>
        Then(context =>
        {
            var toolCalls = new JsonArray();
            foreach (var (call, i) in calls.Select((c, i) => (c, i)))
                toolCalls.Add(new JsonObject
                {
                    ["id"] = $"call_{Requests.Count - 1}_{i}", // request index, then call index
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = JsonSerializer.Serialize(call.Arguments) },
                });
            return WriteAsync(context, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = toolCalls }, "tool_calls", totalTokens);
        });

    /// <summary>Never answers: the request waits until the client cancels it (or the endpoint stops).</summary>
    public ScriptedChatEndpoint Hang() =>
        Then(async context =>
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });

    public ScriptedChatEndpoint Fail(int status) => Then(context => FailAsync(context, status));

    private ScriptedChatEndpoint Then(Func<HttpContext, Task> step)
    {
        _script.Enqueue(step);
        return this;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Requests.Enqueue(new RecordedRequest(body!, context.Request.Headers.Authorization.ToString()));
        if (_script.TryDequeue(out var step)) await step(context);
        else await FailAsync(context, 500);
    }

    private static Task FailAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
    }

    private static Task WriteAsync(HttpContext context, JsonObject message, string finishReason, int totalTokens) =>
        context.Response.WriteAsync(new JsonObject
        {
            ["id"] = "chatcmpl-scripted",
            ["object"] = "chat.completion",
            ["created"] = 1_764_806_400,
            ["model"] = "scripted",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason, ["logprobs"] = null }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = totalTokens - totalTokens / 4, ["completion_tokens"] = totalTokens / 4, ["total_tokens"] = totalTokens },
        }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

/// <summary>One request as the endpoint received it.</summary>
public sealed record RecordedRequest(JsonNode Body, string Authorization)
{
    public JsonArray Messages => Body["messages"]!.AsArray();

    /// <summary>Every string the request carried, decoded (JSON escapes undone), one a line: what a redaction check must search.</summary>
    public string AllText => string.Join("\n", Strings(Body));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
