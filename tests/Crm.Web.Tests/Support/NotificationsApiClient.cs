using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Notifications;
using Crm.Testing;
using Xunit;

namespace Crm.Web.Tests.Support;

/// <summary>The /api/notifications calls the tests make, and the assignment that gives an agent one.</summary>
public static class NotificationsApiClient
{
    public static async Task<NotificationList> NotificationsAsync(this HttpClient http) =>
        (await http.GetFromJsonAsync<NotificationList>("api/notifications", ApiJson.Options))!;

    /// <summary>Assigns the conversation to <paramref name="agentId"/> as the signed-in user, failing the test if refused.</summary>
    public static async Task AssignAsync(this HttpClient http, string conversationId, string agentId)
    {
        using var response = await http.PutAsJsonAsync($"api/conversations/{conversationId}/assignee", new { agentId }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Assigning {conversationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The projection runs after the commit: waits for the notification about <paramref name="conversationId"/>.</summary>
    public static async Task<NotificationDetails> NotificationAboutAsync(this HttpClient http, string conversationId) =>
        (await Eventually.ReturnsAsync(http.NotificationsAsync, l => l.Items.Any(n => n.ConversationId == conversationId),
            $"a notification about {conversationId}")).Items.First(n => n.ConversationId == conversationId);
}
