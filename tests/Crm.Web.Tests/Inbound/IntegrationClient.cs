using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Grains.Abstractions.Mail;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Inbound;

/// <summary>What a mail gateway and a mailer do: the integration endpoints, with the key in X-Crm-Inbound-Key.</summary>
public sealed class IntegrationClient : IDisposable
{
    public IntegrationClient(Uri baseAddress, string? key)
    {
        Http = new HttpClient { BaseAddress = baseAddress };
        if (key is not null) Http.DefaultRequestHeaders.Add("X-Crm-Inbound-Key", key);
    }

    public HttpClient Http { get; }

    /// <summary>A new email from a fresh sender unless given; each call gets a fresh messageId unless given.</summary>
    public static object Email(string? messageId = null, string? email = null, string text = "My printer is jammed.",
        string subject = "Printer jam", string? conversationId = null, string channel = "email") => new
    {
        channel,
        messageId = messageId ?? $"<{Guid.NewGuid():N}@mail.example.com>",
        from = new { email = email ?? $"ada-{Guid.NewGuid():N}@example.com", name = "Ada Lovelace" },
        subject,
        text,
        conversationId,
    };

    public Task<HttpResponseMessage> SendAsync(object body, string workspaceId = DemoUsers.Workspace) =>
        Http.PostAsJsonAsync($"api/inbound/{workspaceId}/messages", body, ApiJson.Options);

    public Task<HttpResponseMessage> SendRawAsync(string content, string workspaceId = DemoUsers.Workspace) =>
        Http.PostAsync($"api/inbound/{workspaceId}/messages", new StringContent(content, Encoding.UTF8, "application/json"));

    /// <summary>Sends and returns the answer, failing the test with the server's answer unless it is <paramref name="expected"/>.</summary>
    public async Task<InboundAccepted> ReceiveAsync(object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await SendAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return (await response.Content.ReadFromJsonAsync<InboundAccepted>(ApiJson.Options))!;
    }

    public async Task<IReadOnlyList<OutboundEmail>> ListEmailsAsync(string status = "pending")
    {
        using var response = await Http.GetAsync($"api/outbound/{DemoUsers.Workspace}/emails?status={status}&limit=500");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Listing {status} emails: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<List<OutboundEmail>>(ApiJson.Options))!;
    }

    public Task<HttpResponseMessage> MarkAsync(string outboundId, string outcome, object? body) =>
        body is null
            ? Http.PostAsync($"api/outbound/{DemoUsers.Workspace}/emails/{outboundId}/{outcome}", content: null)
            : Http.PostAsJsonAsync($"api/outbound/{DemoUsers.Workspace}/emails/{outboundId}/{outcome}", body, ApiJson.Options);

    public void Dispose() => Http.Dispose();
}
