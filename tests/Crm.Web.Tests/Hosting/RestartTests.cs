using Crm.Grains.Abstractions.Conversations;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Hosting;

/// <summary>
/// A write is acknowledged only after its event is committed: whatever a client was told is stored survives a
/// crash (kill -9) of the single-node process, with the same sequence numbers, and client ids stay idempotent.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private const int MessageCount = 50;
    private readonly TempFolder _data = new("restart");

    [Fact]
    public async Task Crash_ThenRestartOnTheSameFolder_KeepsEveryAcknowledgedMessageAndItsSeq()
    {
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = _data.Path };
        string conversationId;
        var acks = new List<MessageDetails>();
        string cookie;

        await using (var first = await CrmProcess.StartAsync("Crm.Web", settings))
        {
            using var alex = await ConsoleClient.SignInAsync(first.BaseAddress, DemoUsers.Agent);
            cookie = alex.CookieHeader;
            conversationId = (await alex.Http.OpenFreshConversationAsync("crash")).ConversationId;

            // Several posts in flight at once, so acknowledgements come from shared group commits too.
            for (var start = 0; start < MessageCount; start += 10)
            {
                var batch = Enumerable.Range(start, 10)
                    .Select(i => alex.Http.PostMessageAsync(conversationId, $"message {i:00}", Guid.NewGuid()));
                acks.AddRange(await Task.WhenAll(batch));
            }

            first.Kill();
        }

        Assert.Equal(Enumerable.Range(1, MessageCount).Select(i => (long)i), acks.Select(a => a.Seq).Order());

        await using var second = await CrmProcess.StartAsync("Crm.Web", settings);
        using var again = await ConsoleClient.SignInAsync(second.BaseAddress, DemoUsers.Agent);

        var stored = await again.Http.GetMessagesAsync(conversationId);
        Assert.Equal(acks.OrderBy(a => a.Seq), stored);

        // A client retrying after the crash gets the original back, not a new message.
        var retried = acks[17];
        var resent = await again.Http.PostMessageAsync(conversationId, retried.Body, retried.ClientMessageId);
        Assert.Equal(retried, resent);
        Assert.Equal(MessageCount, (await again.Http.GetMessagesAsync(conversationId)).Count);

        // Data-protection keys live in the data folder: the cookie issued before the crash is still accepted.
        using var oldCookie = new HttpClient { BaseAddress = second.BaseAddress };
        oldCookie.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(MessageCount, (await oldCookie.GetMessagesAsync(conversationId)).Count);
    }

    public void Dispose() => _data.Dispose();
}
