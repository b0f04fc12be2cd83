using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Grains.Abstractions.Conversations;
using Xunit;

namespace Crm.Web.Tests.Support;

/// <summary>The /api/conversations calls the tests make, on a signed-in (or anonymous) HttpClient.</summary>
public static class ConversationsApiClient
{
    /// <summary>Opens a conversation with a fresh id (keep <paramref name="prefix"/> short), so a test never shares data with another.</summary>
    public static async Task<ConversationDetails> OpenFreshConversationAsync(this HttpClient http, string prefix = "t")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}";
        using var response = await http.PostAsJsonAsync("api/conversations",
            new { conversationId = id, customerId = "tom", customerName = "Tom Becker", subject = "Test thread" }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Opening {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ConversationDetails>(ApiJson.Options))!;
    }

    public static Task<HttpResponseMessage> SendMessageAsync(this HttpClient http, string conversationId, Guid clientMessageId, string? body) =>
        http.PostAsJsonAsync($"api/conversations/{conversationId}/messages", new { clientMessageId, body }, ApiJson.Options);

    /// <summary>Posts raw text as the request body, for malformed requests.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient http, string conversationId, string content, string mediaType = "application/json") =>
        http.PostAsync($"api/conversations/{Uri.EscapeDataString(conversationId)}/messages", new StringContent(content, Encoding.UTF8, mediaType));

    /// <summary>Posts and returns the acknowledgement, failing the test with the server's answer if refused.</summary>
    public static async Task<MessageDetails> PostMessageAsync(this HttpClient http, string conversationId, string body, Guid? clientMessageId = null)
    {
        var id = clientMessageId ?? Guid.NewGuid();
        using var response = await http.SendMessageAsync(conversationId, id, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Posting to {conversationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<MessageDetails>(ApiJson.Options))!;
    }

    public static async Task<IReadOnlyList<MessageDetails>> GetMessagesAsync(this HttpClient http, string conversationId, long after = 0)
    {
        using var response = await http.GetAsync($"api/conversations/{conversationId}/messages?after={after}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Reading {conversationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<List<MessageDetails>>(ApiJson.Options))!;
    }

    /// <summary>The ProblemDetails "detail" of an error response (empty when there is none).</summary>
    public static async Task<string> ProblemDetailAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return "";
        using var document = JsonDocument.Parse(text);
        return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
