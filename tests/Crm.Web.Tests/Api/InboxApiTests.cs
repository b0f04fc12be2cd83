using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Api;

/// <summary>The inbox over REST: views follow assignment live, and the counts say the same as the lists.</summary>
public sealed class InboxApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task Views_AssignToMe_MovesFromUnassignedToMineAndCountsFollow()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = $"inbox-{Guid.NewGuid():n}";
        await alex.Http.PostAsJsonAsync("api/conversations", new { conversationId = id, customerId = "cust-inbox", customerName = "Ines", subject = "Views" })
            .EnsureSuccessAsync();

        await Crm.Testing.Eventually.ReturnsAsync(() => IdsAsync(alex, "unassigned"), ids => ids.Contains(id), $"{id} in unassigned");
        await alex.Http.PutAsJsonAsync($"api/conversations/{id}/assignee", new { agentId = "alex" }).EnsureSuccessAsync();

        await Crm.Testing.Eventually.ReturnsAsync(() => IdsAsync(alex, "mine"), ids => ids.Contains(id), $"{id} in mine");
        Assert.DoesNotContain(id, await IdsAsync(alex, "unassigned"));
        // The counts say the same as the lists (active = not resolved or closed), whatever else is in the workspace.
        foreach (var view in new[] { "mine", "unassigned", "all" })
        {
            await Crm.Testing.Eventually.ReturnsAsync(
                async () => (Listed: (await ActiveIdsAsync(alex, view)).Count, Counted: (await CountsAsync(alex))[view]!.GetValue<int>()),
                pair => pair.Listed == pair.Counted, $"the {view} count to equal the {view} list");
        }
    }

    [Fact]
    public async Task Views_AnotherAgentsMine_DoesNotShowMyConversation()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        using var jo = await node.SignInAsync(DemoUsers.Agent2);
        var id = $"inbox-{Guid.NewGuid():n}";
        await alex.Http.PostAsJsonAsync("api/conversations", new { conversationId = id, customerId = "cust-inbox", customerName = "Ines", subject = "Mine only" })
            .EnsureSuccessAsync();
        await alex.Http.PutAsJsonAsync($"api/conversations/{id}/assignee", new { agentId = "alex" }).EnsureSuccessAsync();

        await Crm.Testing.Eventually.ReturnsAsync(() => IdsAsync(alex, "mine"), ids => ids.Contains(id), $"{id} in Alex's mine");
        Assert.DoesNotContain(id, await IdsAsync(jo, "mine"));
        Assert.Contains(id, await IdsAsync(jo, "all"));
    }

    private static async Task<List<string>> IdsAsync(Crm.Testing.Hosts.ConsoleClient client, string view) =>
        JsonNode.Parse(await client.Http.GetStringAsync($"api/conversations?view={view}&limit=500"))!.AsArray()
            .Select(r => r!["conversationId"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> ActiveIdsAsync(Crm.Testing.Hosts.ConsoleClient client, string view) =>
        JsonNode.Parse(await client.Http.GetStringAsync($"api/conversations?view={view}&limit=500"))!.AsArray()
            .Where(r => r!["status"]!.GetValue<string>() is not ("resolved" or "closed"))
            .Select(r => r!["conversationId"]!.GetValue<string>()).ToList();

    private static async Task<JsonNode> CountsAsync(Crm.Testing.Hosts.ConsoleClient client) =>
        JsonNode.Parse(await client.Http.GetStringAsync("api/conversations/counts"))!;
}

internal static class InboxApiResponses
{
    /// <summary>Fails with the server's problem details, so a refusal says why.</summary>
    public static async Task EnsureSuccessAsync(this Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
