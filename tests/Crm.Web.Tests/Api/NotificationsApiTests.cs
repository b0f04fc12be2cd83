using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Grains.Abstractions.Notifications;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Api;

/// <summary>
/// An agent's stored notifications over REST: an assignment by someone else shows up unread, marking one or all read
/// sticks, and every bad request is a 4xx that says why while nothing changes.
/// </summary>
public sealed class NotificationsApiTests(ProductionWebNodeFixture node) : IClassFixture<ProductionWebNodeFixture>
{
    public static TheoryData<string, string, HttpStatusCode, string?> BadBodies => new()
    {
        { "not json", "read them all", HttpStatusCode.BadRequest, null },
        { "empty object", "{}", HttpStatusCode.BadRequest, "either 'ids'" },
        { "both ids and all", """{"ids":["e1"],"all":true}""", HttpStatusCode.BadRequest, "either 'ids'" },
        { "unknown field", """{"all":true,"everything":1}""", HttpStatusCode.BadRequest, "Unknown field: everything" },
        { "ids not a list", """{"ids":"e1"}""", HttpStatusCode.BadRequest, null },
        { "blank id", """{"ids":[" "]}""", HttpStatusCode.BadRequest, "notification id" },
        { "too many ids", $$"""{"ids":[{{string.Join(",", Enumerable.Range(0, 201).Select(i => $"\"e{i}\""))}}]}""", HttpStatusCode.BadRequest, "at most 200" },
        { "unknown id", """{"ids":["e-no-such"]}""", HttpStatusCode.NotFound, "No such notification" },
    };

    [Fact]
    public async Task Get_AfterAnAssignmentBySomeoneElse_ListsItUnreadAndMarkingReadSticks()
    {
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var conversation = await supervisor.Http.OpenFreshConversationAsync("ntf");

        await supervisor.Http.AssignAsync(conversation.ConversationId, "alex");

        var note = await agent.Http.NotificationAboutAsync(conversation.ConversationId);
        Assert.Equal((NotificationKind.Assigned, false), (note.Kind, note.Read));
        using var one = await agent.Http.PostAsJsonAsync("api/notifications/read", new { ids = new[] { note.Id } });
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.True((await agent.Http.NotificationsAsync()).Items.Single(n => n.Id == note.Id).Read);

        using var all = await agent.Http.PostAsJsonAsync("api/notifications/read", new { all = true });
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(0, (await agent.Http.NotificationsAsync()).Unread);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostRead_BadBody_Returns4xxWithAReasonAndChangesNothing(string _, string body, HttpStatusCode expected, string? reason)
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent2);
        var before = await agent.Http.GetStringAsync("api/notifications");

        using var response = await agent.Http.PostAsync("api/notifications/read", new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (reason is not null) Assert.Contains(reason, text);
        Assert.Equal(before, await agent.Http.GetStringAsync("api/notifications"));
    }
}
