using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;

namespace Crm.Browser.Tests.Hosting;

/// <summary>
/// What a teammate does over REST while the test watches a browser: the "given" steps of the console tests. Each
/// fails the test with the server's answer when refused, so a broken setup never looks like a broken page.
/// </summary>
public static class TeamRequests
{
    /// <summary>Opens a conversation for <paramref name="customerId"/> (linked to that customer's history) and returns its id.</summary>
    public static async Task<string> OpenConversationForAsync(this ConsoleClient client, string customerId, string customerName, string subject)
    {
        var conversationId = $"browser-{Guid.NewGuid():N}";
        using var response = await client.Http.PostAsJsonAsync("api/conversations", new { conversationId, customerId, customerName, subject });
        await EnsureAsync(response, $"opening {conversationId}");
        return conversationId;
    }

    /// <summary>Assigns to <paramref name="agentId"/> ("alex", "jo", …), or unassigns with null.</summary>
    public static Task AssignAsync(this ConsoleClient client, string conversationId, string? agentId) =>
        PutAsync(client, $"api/conversations/{conversationId}/assignee", new { agentId });

    /// <summary>Sets the status by its API name ("resolved", "pending", …).</summary>
    public static Task SetStatusAsync(this ConsoleClient client, string conversationId, string status) =>
        PutAsync(client, $"api/conversations/{conversationId}/status", new { status });

    /// <summary>Sets the priority by its API name ("urgent", "high", …).</summary>
    public static Task SetPriorityAsync(this ConsoleClient client, string conversationId, string priority) =>
        PutAsync(client, $"api/conversations/{conversationId}/priority", new { priority });

    /// <summary>Saves a canned response of the workspace under <paramref name="shortcut"/>.</summary>
    public static Task SaveCannedResponseAsync(this ConsoleClient client, string shortcut, string title, string body) =>
        PutAsync(client, $"api/canned-responses/{shortcut}", new { title, body });

    /// <summary>The conversation's details as the REST API returns them.</summary>
    public static async Task<JsonNode> GetConversationAsync(this ConsoleClient client, string conversationId) =>
        JsonNode.Parse(await client.Http.GetStringAsync($"api/conversations/{conversationId}"))!;

    /// <summary>The whole thread, notes included, as the REST API returns it.</summary>
    public static async Task<JsonArray> GetThreadAsync(this ConsoleClient client, string conversationId) =>
        JsonNode.Parse(await client.Http.GetStringAsync($"api/conversations/{conversationId}/messages"))!.AsArray();

    public static async Task PutAsync(this ConsoleClient client, string path, object body)
    {
        using var response = await client.Http.PutAsJsonAsync(path, body);
        await EnsureAsync(response, $"PUT {path}");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
