using System.Net;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Search;

/// <summary>
/// The index is a projection with its checkpoint in its own commits: a crash (kill -9) while it indexes loses
/// nothing and doubles nothing once the node is back, and an engine that is down takes only search down.
/// </summary>
public sealed class SearchRecoveryTests : IDisposable
{
    private const int Conversations = 30;
    private const int MessagesEach = 4;
    private readonly TempFolder _data = new("search-crash");

    [Fact]
    public async Task KilledWhileIndexing_CatchesUpWithExactCounts()
    {
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = _data.Path };
        var tag = $"kiwi{Guid.NewGuid():N}"[..12];
        var ids = new List<string>();
        // A random word per message (so no typo allowance links two of them) names where each one was written.
        var words = new Dictionary<(int, int), string>();
        await using (var first = await CrmProcess.StartAsync("Crm.Web", settings))
        {
            using var agent = await ConsoleClient.SignInAsync(first.BaseAddress, DemoUsers.Agent);
            for (var c = 0; c < Conversations; c++)
            {
                var id = (await agent.Http.OpenFreshConversationAsync("crash")).ConversationId;
                ids.Add(id);
                for (var m = 0; m < MessagesEach; m++) words[(c, m)] = "z" + Guid.NewGuid().ToString("N")[..12];
                await Task.WhenAll(Enumerable.Range(0, MessagesEach).Select(m => agent.Http.PostMessageAsync(id, $"{tag} {words[(c, m)]}")));
            }

            // Right after the last acknowledgement: the indexer is still behind the commits it was woken for.
            first.Kill();
        }

        await using var second = await CrmProcess.StartAsync("Crm.Web", settings);
        using var again = await ConsoleClient.SignInAsync(second.BaseAddress, DemoUsers.Agent);

        var all = await again.Http.EventuallyFindsAsync(tag, Conversations);
        Assert.Equal(ids.Order(), (await again.Http.SearchAsync($"q={tag}&limit={Conversations}")).Hits.Select(h => h.Id).Order());
        foreach (var c in new[] { 0, Conversations / 2, Conversations - 1 })
        foreach (var m in Enumerable.Range(0, MessagesEach))
            Assert.Equal([ids[c]], (await again.Http.FindAsync(words[(c, m)])).Hits.Select(h => h.Id));
        Assert.Equal(Conversations, all.Total);
    }

    [Fact]
    public async Task EngineDown_SearchSaysUnavailableEverythingElseWorks_ThenCatchesUp()
    {
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = _data.Path };
        var indexRoot = Path.Combine(_data.Path, "search", "lucene");
        var word = $"okapi{Guid.NewGuid():N}"[..13];
        // The index folder cannot be made (a file stands where it goes), as when its disk is gone.
        Directory.CreateDirectory(Path.GetDirectoryName(indexRoot)!);
        await File.WriteAllTextAsync(indexRoot, "not a folder");

        await using var node = await CrmProcess.StartAsync("Crm.Web", settings);
        using var agent = await ConsoleClient.SignInAsync(node.BaseAddress, DemoUsers.Agent);
        var conversation = await agent.Http.OpenFreshConversationAsync("down");
        await agent.Http.PostMessageAsync(conversation.ConversationId, $"while down {word}");

        using var refused = await agent.Http.GetAsync("api/search?q=" + word);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("unavailable", await refused.ProblemDetailAsync(), StringComparison.Ordinal);
        Assert.Single(await agent.Http.GetMessagesAsync(conversation.ConversationId), m => m.Body.Contains(word, StringComparison.Ordinal));

        // Back: indexing resumes from the start of the store and the message written meanwhile is found.
        File.Delete(indexRoot);
        var found = await agent.Http.EventuallyFindsAsync(word, 1, TimeSpan.FromSeconds(30));
        Assert.Equal(conversation.ConversationId, Assert.Single(found.Hits).Id);
    }

    public void Dispose() => _data.Dispose();
}
