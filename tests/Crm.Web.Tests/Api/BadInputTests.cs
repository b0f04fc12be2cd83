using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Api;

/// <summary>
/// Bad input at the edge (REST and hub) gets a clear 4xx or hub error, never a 500, and stores nothing: the
/// conversation's messages read the same before and after every refused request. The node runs as deployed
/// (Production), so these are the answers a real client gets.
/// </summary>
public sealed class BadInputTests(ProductionWebNodeFixture node) : IClassFixture<ProductionWebNodeFixture>
{
    private static readonly string TooLong = new('x', MessageLimits.MaxBodyLength + 1);

    public static TheoryData<string, string?, string> BadBodies => new()
    {
        { "empty", "", "cannot be empty" },
        { "whitespace", " \t\r\n  ", "cannot be empty" },
        { "missing", null, "cannot be empty" },
        { "too long", TooLong, $"{MessageLimits.MaxBodyLength:N0}" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostMessage_BadBody_Returns400WithReasonAndStoresNothing(string _, string? body, string reason)
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);
        var before = await alex.Http.GetMessagesAsync(id);

        using var response = await alex.Http.SendMessageAsync(id, Guid.NewGuid(), body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
        Assert.Equal(before, await alex.Http.GetMessagesAsync(id));
    }

    [Fact]
    public async Task PostMessage_BodyAtTheLimit_IsAccepted()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);

        var ack = await alex.Http.PostMessageAsync(id, new string('y', MessageLimits.MaxBodyLength));

        Assert.Equal(MessageLimits.MaxBodyLength, ack.Body.Length);
    }

    private const string NotJson = "not valid JSON";

    public static TheoryData<string, string, string> MalformedRequests => new()
    {
        { "truncated JSON", """{"clientMessageId":"8c1f""", NotJson },
        { "not JSON", "hello", NotJson },
        { "JSON null", "null", "body" },
        { "JSON array", "[]", NotJson },
        { "clientMessageId missing", """{"body":"hi"}""", "clientMessageId" },
        { "clientMessageId null", """{"clientMessageId":null,"body":"hi"}""", NotJson },
        { "clientMessageId empty GUID", """{"clientMessageId":"00000000-0000-0000-0000-000000000000","body":"hi"}""", "clientMessageId" },
        { "clientMessageId not a GUID", """{"clientMessageId":"abc","body":"hi"}""", NotJson },
        { "body not a string", """{"clientMessageId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","body":{"text":"hi"}}""", NotJson },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task PostMessage_MalformedRequest_Returns400WithReasonAndStoresNothing(string _, string json, string reason)
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);
        var before = await alex.Http.GetMessagesAsync(id);

        using var response = await alex.Http.SendRawAsync(id, json);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
        Assert.Equal(before, await alex.Http.GetMessagesAsync(id));
    }

    [Fact]
    public async Task PostMessage_NotJsonContentType_Returns415AndStoresNothing()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);
        var before = await alex.Http.GetMessagesAsync(id);

        using var response = await alex.Http.SendRawAsync(id, "hello", "text/plain");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, null);
        Assert.Equal(before, await alex.Http.GetMessagesAsync(id));
    }

    [Fact]
    public async Task GetMessages_AfterIsNotANumber_Returns400()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);

        using var response = await alex.Http.GetAsync($"api/conversations/{id}/messages?after=abc");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "after");
    }

    /// <summary>
    /// Keys are built from the signed-in user's workspace, so another workspace's conversation id cannot be named from
    /// "demo": it reads as unknown. A second workspace cannot be created from outside the process yet, so this shows
    /// the 404 for an id that exists nowhere in "demo", and that asking does not create it.
    /// </summary>
    [Fact]
    public async Task UnknownConversation_Returns404EverywhereAndIsNotCreated()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = $"nowhere-{Guid.NewGuid():N}";

        using (var details = await alex.Http.GetAsync($"api/conversations/{id}"))
            await AssertProblemAsync(details, HttpStatusCode.NotFound, "does not exist");
        using (var messages = await alex.Http.GetAsync($"api/conversations/{id}/messages?after=0"))
            await AssertProblemAsync(messages, HttpStatusCode.NotFound, "does not exist");
        using (var post = await alex.Http.SendMessageAsync(id, Guid.NewGuid(), "hello?"))
            await AssertProblemAsync(post, HttpStatusCode.NotFound, "does not exist");

        using var after = await alex.Http.GetAsync($"api/conversations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        var inbox = await alex.Http.GetFromJsonAsync<List<ConversationSummary>>("api/conversations", ApiJson.Options);
        Assert.DoesNotContain(inbox!, c => c.ConversationId == id);
    }

    public static TheoryData<string> MalformedIds => new()
    {
        "UPPERCASE",
        "has space",
        "-leading-dash",
        "dot.ted",
        new string('a', 65),
    };

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task MalformedConversationId_Returns400(string id)
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var escaped = Uri.EscapeDataString(id);

        using (var details = await alex.Http.GetAsync($"api/conversations/{escaped}"))
            await AssertProblemAsync(details, HttpStatusCode.BadRequest, "conversation id");
        using (var messages = await alex.Http.GetAsync($"api/conversations/{escaped}/messages"))
            await AssertProblemAsync(messages, HttpStatusCode.BadRequest, "conversation id");
        using (var post = await alex.Http.SendRawAsync(id, """{"clientMessageId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","body":"hi"}"""))
            await AssertProblemAsync(post, HttpStatusCode.BadRequest, "conversation id");
    }

    [Fact]
    public async Task Unauthenticated_ApiAndHubNegotiate_Return401()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using (var list = await anonymous.GetAsync("api/conversations"))
            Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using (var messages = await anonymous.GetAsync("api/conversations/invoice-tom/messages"))
            Assert.Equal(HttpStatusCode.Unauthorized, messages.StatusCode);
        using (var post = await anonymous.SendMessageAsync("invoice-tom", Guid.NewGuid(), "sneaky"))
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        using (var negotiate = await anonymous.PostAsync($"{LiveClient.HubPath}/negotiate?negotiateVersion=1", null))
            Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        await using var connection = LiveClient.Build(node.BaseAddress, cookieHeader: null);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task WrongPassword_Returns401AndNoCookie()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await anonymous.PostAsJsonAsync("api/auth/login", new { email = DemoUsers.Admin, password = "not-the-password" });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Wrong email or password");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    public static TheoryData<string, string?, string> BadHubBodies => new()
    {
        { "empty", "", "cannot be empty" },
        { "whitespace", "   ", "cannot be empty" },
        { "null", null, "cannot be empty" },
        { "too long", TooLong, $"{MessageLimits.MaxBodyLength:N0}" },
    };

    [Theory]
    [MemberData(nameof(BadHubBodies))]
    public async Task HubPostMessage_BadBody_FailsWithReasonAndStoresNothing(string _, string? body, string reason)
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);
        var before = await alex.Http.GetMessagesAsync(id);
        await using var live = await LiveClient.ConnectAsync(alex);

        var error = await Assert.ThrowsAsync<HubException>(() => live.PostMessageAsync(id, Guid.NewGuid(), body));

        Assert.Contains(reason, error.Message);
        Assert.Equal(before, await alex.Http.GetMessagesAsync(id));
        Assert.Equal(HubConnectionState.Connected, live.Connection.State);
    }

    [Fact]
    public async Task HubPostMessage_EmptyClientMessageId_FailsAndStoresNothing()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        var id = await OpenWithOneMessageAsync(alex.Http);
        var before = await alex.Http.GetMessagesAsync(id);
        await using var live = await LiveClient.ConnectAsync(alex);

        var error = await Assert.ThrowsAsync<HubException>(() => live.PostMessageAsync(id, Guid.Empty, "no id"));

        Assert.Contains("clientMessageId", error.Message);
        Assert.Equal(before, await alex.Http.GetMessagesAsync(id));
    }

    [Fact]
    public async Task HubJoinConversation_UnknownOrMalformedId_FailsWithReason()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        await using var live = await LiveClient.ConnectAsync(alex);

        var unknown = await Assert.ThrowsAsync<HubException>(() => live.JoinConversationAsync($"nowhere-{Guid.NewGuid():N}", 0));
        var malformed = await Assert.ThrowsAsync<HubException>(() => live.JoinConversationAsync("Not An Id", 0));
        var postUnknown = await Assert.ThrowsAsync<HubException>(() => live.PostMessageAsync($"nowhere-{Guid.NewGuid():N}", Guid.NewGuid(), "hi"));

        Assert.Contains("does not exist", unknown.Message);
        Assert.Contains("conversation id", malformed.Message);
        Assert.Contains("does not exist", postUnknown.Message);
        Assert.Equal(HubConnectionState.Connected, live.Connection.State);
    }

    private static async Task<string> OpenWithOneMessageAsync(HttpClient http)
    {
        var conversation = await http.OpenFreshConversationAsync("bad");
        await http.PostMessageAsync(conversation.ConversationId, "the only message");
        return conversation.ConversationId;
    }

    /// <summary>The status expected, a ProblemDetails body, and (when given) a detail that says why.</summary>
    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (reason is not null) Assert.Contains(reason, await response.ProblemDetailAsync());
    }
}
