using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Conversations;

/// <summary>
/// Attachments (console and widget uploads, content sniffing, size limit, who may download), the visitor's CSAT rating
/// after a resolve, and the "Seen" marker, on one real Crm.Web process with demo data.
/// </summary>
public sealed class AttachmentAndFeedbackTests(WidgetNodeFixture node) : IClassFixture<WidgetNodeFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>A valid 1×1 RGBA PNG (signature, IHDR, IDAT, IEND).</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private string BlobsFolder => Path.Combine(Path.GetDirectoryName(node.KeysPath)!, "blobs");

    // ---- 1. Console upload ----

    [Fact]
    public async Task ConsoleUpload_ValidPng_Is201AndDownloadsTheSameBytesWithNosniff()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var before = CountBlobs();

        using var response = await UploadAsync(agent.Http, "api/attachments", "pixel.png", "image/png", TinyPng);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var details = (await response.Content.ReadFromJsonAsync<AttachmentDetails>(ApiJson.Options))!;
        Assert.Equal("image/png", details.ContentType);
        Assert.Equal("pixel.png", details.FileName);
        Assert.Equal(TinyPng.Length, details.Size);
        Assert.False(string.IsNullOrEmpty(details.Id));
        // The control for the "nothing stored" checks below: a stored upload does show in the blob folder.
        Assert.Equal(before + 1, CountBlobs());

        using var download = await agent.Http.GetAsync($"api/attachments/{details.Id}/{details.FileName}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(TinyPng, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        // Images show inline: no "attachment" disposition.
        Assert.NotEqual("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        // Anonymous: the console download needs a signed-in user.
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        using var refused = await anonymous.GetAsync($"api/attachments/{details.Id}/{details.FileName}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ConsoleUpload_ExecutableNamedPng_Is400WithAMessageAndStoresNothing()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var executable = new byte[600];
        executable[0] = (byte)'M';
        executable[1] = (byte)'Z';
        for (var i = 2; i < executable.Length; i++) executable[i] = (byte)(i * 7);
        var before = CountBlobs();

        using var response = await UploadAsync(agent.Http, "api/attachments", "holiday.png", "image/png", executable);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"An MZ file named .png answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var detail = await response.ProblemDetailAsync();
        Assert.Contains("holiday.png", detail);
        Assert.Contains("not stored", detail);
        Assert.Equal(before, CountBlobs());
    }

    [Theory]
    [InlineData(AttachmentRules.MaxBytes + 1)]
    [InlineData(AttachmentRules.MaxBytes + 2 * 1024 * 1024)]
    public async Task ConsoleUpload_OverTenMegabytes_IsRefusedWithAMessageNever500(long size)
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var content = new byte[size];
        PngSignature.CopyTo(content, 0);
        var before = CountBlobs();

        using var response = await UploadAsync(agent.Http, "api/attachments", "huge.png", "image/png", content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
            $"A {size}-byte upload answered {(int)response.StatusCode} {text}");
        Assert.False(string.IsNullOrWhiteSpace(await response.ProblemDetailAsync()), $"No message in: {text}");
        Assert.Equal(before, CountBlobs());
    }

    // ---- 2. Widget attachments ----

    [Fact]
    public async Task WidgetUpload_SentWithAMessage_AgentSeesItOwnerDownloadsOthersCannot()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await visitor.StartFreshConversationAsync("Attaching Visitor");
        var id = conversation.ConversationId;

        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var upload = new HttpRequestMessage(HttpMethod.Post, "api/widget/attachments") { Content = Multipart("screen.png", "image/png", TinyPng) };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Session.Token);
        using var uploaded = await http.SendAsync(upload);
        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, $"Widget upload: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
        var reference = (await uploaded.Content.ReadFromJsonAsync<UploadedRef>(ApiJson.Options))!;
        Assert.Equal("screen.png", reference.FileName);
        Assert.DoesNotContain("blobKey", await uploaded.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var sent = await visitor.Connection.InvokeAsync<WireMessage>("SendMessageWithAttachments",
            id, Guid.NewGuid(), "here is a screenshot", "Attaching Visitor", new[] { new { id = reference.Id, fileName = reference.FileName } });
        var sentAttachment = Assert.Single(sent.Attachments ?? []);
        Assert.Equal(reference.Id, sentAttachment.Id);
        Assert.Equal("image/png", sentAttachment.ContentType);
        Assert.Equal(TinyPng.Length, sentAttachment.Size);

        // The agent's thread shows the file on that very message.
        var thread = await agent.Http.GetMessagesAsync(id);
        var message = Assert.Single(thread, m => m.Seq == sent.Seq);
        Assert.Equal("here is a screenshot", message.Body);
        var onMessage = Assert.Single(message.Attachments ?? []);
        Assert.Equal(reference.Id, onMessage.Id);
        Assert.Equal("screen.png", onMessage.FileName);
        Assert.Equal("image/png", onMessage.ContentType);
        Assert.Equal(TinyPng.Length, onMessage.Size);
        // And the agent can open it from the console.
        using (var consoleDownload = await agent.Http.GetAsync($"api/attachments/{onMessage.Id}/{onMessage.FileName}"))
        {
            Assert.Equal(HttpStatusCode.OK, consoleDownload.StatusCode);
            Assert.Equal(TinyPng, await consoleDownload.Content.ReadAsByteArrayAsync());
        }

        // The owner downloads through the URL the widget was given, with its token as access_token.
        var url = sentAttachment.Url.TrimStart('/');
        Assert.StartsWith($"api/widget/attachments/{id}/{reference.Id}/", url);
        using (var own = await http.GetAsync($"{url}?access_token={Uri.EscapeDataString(visitor.Session.Token)}"))
        {
            Assert.True(own.StatusCode == HttpStatusCode.OK, $"Owner download: {(int)own.StatusCode} {await own.Content.ReadAsStringAsync()}");
            Assert.Equal(TinyPng, await own.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", Assert.Single(own.Headers.GetValues("X-Content-Type-Options")));
        }

        // Another visitor, with a valid token of its own: as if the file did not exist.
        var other = await VisitorClient.CreateSessionAsync(node.BaseAddress);
        Assert.NotEqual(visitor.Session.CustomerId, other.CustomerId);
        using (var intruder = await http.GetAsync($"{url}?access_token={Uri.EscapeDataString(other.Token)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, intruder.StatusCode);
            Assert.NotEqual(TinyPng, await intruder.Content.ReadAsByteArrayAsync());
        }

        // No token at all.
        using (var anonymous = await http.GetAsync(url))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    // ---- 3. CSAT ----

    [Fact]
    public async Task Rate_OnlyAfterResolveAndOnlyOnce_ReachesTheAgent()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var updates = new StateRecorder(visitor.Connection);
        var conversation = await visitor.StartFreshConversationAsync("Rating Visitor");
        var id = conversation.ConversationId;
        await visitor.SendMessageAsync(id, "please help", displayName: "Rating Visitor");

        // Not resolved yet: refused, and nothing recorded.
        await Assert.ThrowsAsync<HubException>(() => visitor.Connection.InvokeAsync<WireState>("Rate", id, 5, "too early"));
        var open = (await agent.Http.GetFromJsonAsync<ConversationDetails>($"api/conversations/{id}", ApiJson.Options))!;
        Assert.Null(open.CsatScore);

        using (var resolved = await agent.Http.PutAsJsonAsync($"api/conversations/{id}/status", new { status = "resolved" }, ApiJson.Options))
            Assert.True(resolved.StatusCode == HttpStatusCode.OK, $"Resolving: {(int)resolved.StatusCode} {await resolved.Content.ReadAsStringAsync()}");

        var pushed = await updates.WaitForAsync(id, s => s.CanRate, "ConversationUpdated with canRate=true after the resolve");
        Assert.Equal(ConversationStatus.Resolved, pushed.Status);

        var rated = await visitor.Connection.InvokeAsync<WireState>("Rate", id, 4, "thanks");
        Assert.False(rated.CanRate);
        Assert.Equal(ConversationStatus.Resolved, rated.Status);

        var details = (await agent.Http.GetFromJsonAsync<ConversationDetails>($"api/conversations/{id}", ApiJson.Options))!;
        Assert.Equal(4, details.CsatScore);
        Assert.Equal("thanks", details.CsatComment);

        // Once only: a second rating is refused and changes nothing.
        await Assert.ThrowsAsync<HubException>(() => visitor.Connection.InvokeAsync<WireState>("Rate", id, 1, "changed my mind"));
        var after = (await agent.Http.GetFromJsonAsync<ConversationDetails>($"api/conversations/{id}", ApiJson.Options))!;
        Assert.Equal(4, after.CsatScore);
        Assert.Equal("thanks", after.CsatComment);

        var joined = await visitor.Connection.InvokeAsync<WireThread>("JoinConversation", id, 0L);
        Assert.NotNull(joined.State);
        Assert.False(joined.State!.CanRate);
    }

    // ---- 4. Seen ----

    [Fact]
    public async Task MarkRead_ByTheAgent_TellsTheVisitorSeen()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var updates = new StateRecorder(visitor.Connection);
        var conversation = await visitor.StartFreshConversationAsync("Seen Visitor");
        var id = conversation.ConversationId;
        var sent = await visitor.SendMessageAsync(id, "anyone there?", displayName: "Seen Visitor");

        var before = await visitor.Connection.InvokeAsync<WireThread>("JoinConversation", id, 0L);
        Assert.NotNull(before.State);
        Assert.True(before.State!.ReadUpTo < sent.Seq, $"Nobody has read #{sent.Seq} yet, but readUpTo is {before.State.ReadUpTo}.");

        using (var read = await agent.Http.PostAsJsonAsync($"api/conversations/{id}/read", new { upToSeq = sent.Seq }, ApiJson.Options))
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"Marking read: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");

        var pushed = await updates.WaitForAsync(id, s => s.ReadUpTo >= sent.Seq, $"ConversationUpdated with readUpTo >= {sent.Seq}");
        Assert.False(pushed.CanRate);

        var joined = await visitor.Connection.InvokeAsync<WireThread>("JoinConversation", id, 0L);
        Assert.NotNull(joined.State);
        Assert.True(joined.State!.ReadUpTo >= sent.Seq, $"JoinConversation says readUpTo {joined.State.ReadUpTo}, expected >= {sent.Seq}.");
        var details = (await agent.Http.GetFromJsonAsync<ConversationDetails>($"api/conversations/{id}", ApiJson.Options))!;
        Assert.True(details.ReadUpTo >= sent.Seq, $"The console says readUpTo {details.ReadUpTo}, expected >= {sent.Seq}.");
    }

    // ---- helpers ----

    private static MultipartFormDataContent Multipart(string fileName, string contentType, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string path, string fileName, string contentType, byte[] bytes)
    {
        // Expect: 100-continue, so a request the server refuses up front (Content-Length over Kestrel's limit) gets its
        // answer before the body is sent; without it the server's early 413 races the upload and the client sees a reset.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Multipart(fileName, contentType, bytes) };
        request.Headers.ExpectContinue = true;
        return await http.SendAsync(request);
    }

    private int CountBlobs() => Directory.Exists(BlobsFolder) ? Directory.EnumerateFiles(BlobsFolder, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>Records ConversationUpdated pushes on a widget connection, so a test can wait for one with a deadline.</summary>
    private sealed class StateRecorder
    {
        private readonly ConcurrentQueue<(string ConversationId, WireState State)> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public StateRecorder(HubConnection connection) =>
            connection.On<string, WireState>("ConversationUpdated", (conversationId, state) =>
            {
                _received.Enqueue((conversationId, state));
                _arrived.Release();
            });

        public async Task<WireState> WaitForAsync(string conversationId, Func<WireState, bool> match, string expectation)
        {
            using var deadline = new CancellationTokenSource(Wait);
            while (true)
            {
                var found = _received.FirstOrDefault(p => p.ConversationId == conversationId && match(p.State));
                if (found.State is not null) return found.State;
                try
                {
                    await _arrived.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"Expected {expectation} within {Wait.TotalSeconds:0} s; received: " +
                        (_received.IsEmpty ? "nothing" : string.Join(", ", _received.Select(p => $"{p.ConversationId} {p.State}"))));
                }
            }
        }
    }

    private sealed record UploadedRef(string Id, string FileName);

    private sealed record WireState(ConversationStatus Status, long ReadUpTo, bool CanRate);

    private sealed record WireAttachment(string Id, string FileName, string ContentType, long Size, string Url);

    private sealed record WireMessage(
        long Seq, Guid ClientMessageId, bool Mine, string AuthorName, string Body, DateTimeOffset PostedAt, IReadOnlyList<WireAttachment>? Attachments);

    private sealed record WireThread(IReadOnlyList<WireMessage> Messages, long LastSeq, WireState? State);
}
