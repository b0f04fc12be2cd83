using System.Diagnostics;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Deploy;

/// <summary>deploy/local-cluster.sh end to end: start, a message crosses web nodes, stop leaves no process behind.</summary>
public sealed class LocalClusterScriptTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly LocalClusterScript _script = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StartPostStop_MessagePostedOnNode1IsReadAndPushedOnNode2_AndStopLeavesNoProcess()
    {
        var clock = Stopwatch.StartNew();
        var (startCode, startOutput) = await _script.RunAsync("start");
        output.WriteLine(startOutput);
        Assert.True(startCode == 0, $"start failed ({startCode}):\n{startOutput}\n{LogTails()}");
        output.WriteLine($"start took {clock.Elapsed.TotalSeconds:0.0} s");

        var pids = _script.RecordedPids();
        Assert.Equal(["redis", "silo1", "silo2", "web1", "web2"], pids.Keys.Order());
        Assert.All(pids, p => Assert.True(LocalClusterScript.IsAlive(p.Value), $"{p.Key} (pid {p.Value}) is not running"));

        using (var alexOnNode1 = await ConsoleClient.SignInAsync(_script.WebNode(0), DemoUsers.Agent))
        using (var joOnNode2 = await ConsoleClient.SignInAsync(_script.WebNode(1), DemoUsers.Agent2))
        {
            var conversation = await alexOnNode1.Http.OpenFreshConversationAsync("lc");
            await using var live = await LiveClient.ConnectAsync(joOnNode2);
            Assert.Empty(await live.JoinConversationAsync(conversation.ConversationId, 0));

            var ack = await alexOnNode1.Http.PostMessageAsync(conversation.ConversationId, "posted on node 1");

            Assert.Equal([ack], await joOnNode2.Http.GetMessagesAsync(conversation.ConversationId));
            Assert.Equal(ack, await live.WaitForMessageAsync(m => m.ConversationId == conversation.ConversationId, "node 1's post pushed on node 2"));
        }

        var (statusCode, statusOutput) = await _script.RunAsync("status");
        Assert.True(statusCode == 0, $"status while running ({statusCode}):\n{statusOutput}");

        clock.Restart();
        var (stopCode, stopOutput) = await _script.RunAsync("stop");
        output.WriteLine(stopOutput);
        output.WriteLine($"stop took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(stopCode == 0, $"stop failed ({stopCode}):\n{stopOutput}");
        Assert.DoesNotContain("SIGKILL", stopOutput);

        // The processes are orphans once the script exits; the system reaps them at its own pace.
        await Eventually.TrueAsync(() => !pids.Values.Any(LocalClusterScript.IsAlive),
            $"no process of the local cluster left (pids {string.Join(", ", pids.Select(p => $"{p.Key}={p.Value}"))})", TimeSpan.FromSeconds(10));
        Assert.Empty(_script.RecordedPids());
        var (afterCode, afterOutput) = await _script.RunAsync("status");
        Assert.NotEqual(0, afterCode);
        Assert.DoesNotContain("running", afterOutput);
    }

    private string LogTails()
    {
        var logs = Path.Combine(_script.StateFolder, "logs");
        return Directory.Exists(logs)
            ? string.Join('\n', Directory.GetFiles(logs, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(20))}"))
            : "(no logs)";
    }

    public async Task DisposeAsync()
    {
        if (_script.RecordedPids().Values.Any(LocalClusterScript.IsAlive))
        {
            await _script.RunAsync("stop");
            _script.KillLeftovers();
        }
        _script.Dispose();
    }
}
