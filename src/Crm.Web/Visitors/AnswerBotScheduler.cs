using System.Collections.Concurrent;
using Crm.Grains.Abstractions.Ai;

namespace Crm.Web.Visitors;

/// <summary>
/// Runs the answer bot once a visitor has stopped writing: every message or keystroke of a chat restarts its timer, so
/// a half-typed question is never answered. The switch is checked first, so with the bot off a visitor message costs a
/// dictionary read and nothing else. The bot runs off the hub call, on the thread pool, with a timeout.
/// </summary>
public sealed class AnswerBotScheduler(IGrainFactory grains, AnswerBotSwitch botSwitch, ILogger<AnswerBotScheduler> logger)
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>The visitor wrote or is typing in <paramref name="conversationId"/>: (re)start its timer when the bot is on.</summary>
    public void Touch(string workspaceId, string conversationId)
    {
        if (!botSwitch.IsOn(workspaceId)) return;
        var key = $"{workspaceId}/{conversationId}";
        var timer = new CancellationTokenSource();
        if (_waiting.TryGetValue(key, out var previous)) previous.Cancel();
        _waiting[key] = timer;
        _ = RunAsync(key, workspaceId, conversationId, timer);
    }

    private async Task RunAsync(string key, string workspaceId, string conversationId, CancellationTokenSource timer)
    {
        try
        {
            await Task.Delay(Debounce, timer.Token);
            _waiting.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, timer));
            // Turned off meanwhile: say nothing.
            if (!botSwitch.IsOn(workspaceId)) return;
            var outcome = await grains.GetGrain<IAnswerBotGrain>(workspaceId).RespondAsync(conversationId).WaitAsync(Timeout);
            logger.LogInformation("Answer bot in {Conversation}: {Action} ({Reason})", key, outcome.Action, outcome.Reason);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            // The visitor went on writing: a later timer answers.
        }
        catch (Exception e)
        {
            // The chat stays with the team: its queue routes it whatever the bot did.
            logger.LogWarning(e, "Answer bot failed in {Conversation}", key);
        }
        finally
        {
            timer.Dispose();
        }
    }
}
