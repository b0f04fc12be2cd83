using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// The clients against one target: visitor connections that each own many conversations, agent connections that
/// together receive every message, and an open-loop generator that sends at a fixed rate whatever the answers do, so
/// a slow answer shows up as latency instead of as a lower offered load.
/// </summary>
public sealed class ChatLoad : IAsyncDisposable
{
    private readonly ChatTarget _target;
    private readonly Action<string> _log;
    private readonly ConversationTrack[] _conversations;
    private readonly VisitorClient[] _visitors;
    private readonly AgentClient[] _agents;
    private long _cursor;
    private long _settledCursor;
    private int _sendPadding;
    private string? _firstSendError;

    private ChatLoad(ChatTarget target, Action<string> log, MessageLedger ledger, ConversationTrack[] conversations, VisitorClient[] visitors, AgentClient[] agents)
    {
        _target = target;
        _log = log;
        Ledger = ledger;
        _conversations = conversations;
        _visitors = visitors;
        _agents = agents;
    }

    public MessageLedger Ledger { get; }

    /// <summary>How long a send keeps retrying (same client message id): long with --kill, a few seconds otherwise.</summary>
    public TimeSpan RetrySendsFor { get; set; } = TimeSpan.FromSeconds(5);

    public string? FirstSendError => _firstSendError;

    public static async Task<ChatLoad> SetUpAsync(ChatTarget target, ChatProfile profile, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var ledger = new MessageLedger();
        var visitors = new VisitorClient[profile.Visitors];
        await Parallel.ForAsync(0, profile.Visitors, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => visitors[i] = await VisitorClient.ConnectAsync(target, i, ledger));
        var connected = clock.Elapsed;

        // Conversation j belongs to visitor j % V, so consecutive messages (round-robin over conversations) spread over connections.
        var conversations = Enumerable.Range(0, profile.Conversations)
            .Select(j => new ConversationTrack(j, $"bench-{j}", visitors[j % profile.Visitors]))
            .ToArray();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (c, _) => await c.Visitor.StartConversationAsync(c.Id));
        var started = clock.Elapsed;

        var byId = conversations.ToDictionary(c => c.Id);
        var agents = new AgentClient[profile.Agents];
        for (var a = 0; a < profile.Agents; a++)
        {
            var share = conversations.Where(c => c.Index % profile.Agents == a).ToArray();
            foreach (var c in share) c.Agent = a;
            agents[a] = await AgentClient.ConnectAsync(target, a, share, byId, ledger);
        }
        await Task.WhenAll(agents.Select(a => a.JoinAllAsync(retryFor: TimeSpan.Zero)));
        log(string.Create(CultureInfo.InvariantCulture,
            $"{target.Name}: {profile.Visitors} visitor connections in {connected.TotalSeconds:0.0} s, {profile.Conversations} conversations started in {(started - connected).TotalSeconds:0.0} s, {profile.Agents} agent connections joined in {(clock.Elapsed - started).TotalSeconds:0.0} s"));
        var padding = await visitors[0].ProbeSendArityAsync();
        if (padding > 0) log($"{target.Name}: SendMessage takes {padding} more optional parameter(s); the benchmark passes null for them");
        return new ChatLoad(target, log, ledger, conversations, visitors, agents) { _sendPadding = padding };
    }

    /// <summary>
    /// Sends at <paramref name="rate"/> messages per second for <paramref name="window"/>, then waits up to
    /// <paramref name="drain"/> for every one to be acknowledged and received. <paramref name="during"/> runs beside
    /// the load (the crash in --kill). Stops early, marked behind, if more than <paramref name="maxInFlight"/> are unanswered.
    /// </summary>
    public async Task<(PhaseResult Result, bool Behind)> RunAsync(
        string label, double rate, TimeSpan window, TimeSpan drain, long maxInFlight, Func<Task>? during = null)
    {
        var from = Ledger.Issued;
        var generator = Task.Factory.StartNew(() => Generate(rate, window, maxInFlight), TaskCreationOptions.LongRunning);
        var beside = during?.Invoke() ?? Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        var (lastSent, lastAcked, lastReceived) = (Ledger.Issued, Ledger.Acked, Ledger.Received);
        while (await Task.WhenAny(generator, Task.Delay(TimeSpan.FromSeconds(1))) != generator)
        {
            var (sent, acked, received) = (Ledger.Issued, Ledger.Acked, Ledger.Received);
            _log(string.Create(CultureInfo.InvariantCulture,
                $"  {_target.Name} {label} {clock.Elapsed.TotalSeconds,5:0.0} s: sent {sent - lastSent,7:N0}, acked {acked - lastAcked,7:N0}, received {received - lastReceived,7:N0} in the last second; {Ledger.InFlight:N0} unanswered"));
            (lastSent, lastAcked, lastReceived) = (sent, acked, received);
        }
        var behind = await generator;
        await beside;
        var to = Ledger.Issued;
        var settled = await DrainAsync(from, to, drain);
        var result = Ledger.Summarize(from, to, window);
        _log($"  {_target.Name} {label} at {rate:N0}/s{(behind ? " (fell behind: too many unanswered)" : "")}{(settled ? "" : $" (not all delivered {drain.TotalSeconds:0.#} s after the end)")}: {result.Describe()}");
        if (_firstSendError is { } error) _log($"  first send error: {error}");
        return (result, behind);
    }

    /// <summary>Waits until every message in [from, to) is acknowledged and received (or failed), or the deadline passes.</summary>
    public async Task<bool> DrainAsync(long from, long to, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var cursor = from;
        while (!Ledger.Settled(to, ref cursor))
        {
            if (clock.Elapsed >= deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>Waits until every message sent so far is settled (see <see cref="DrainAsync"/>), or the deadline passes.</summary>
    public async Task<bool> SettleAllAsync(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (!Ledger.Settled(Ledger.Issued, ref _settledCursor))
        {
            if (clock.Elapsed >= deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public int VisitorReconnects => _visitors.Sum(v => v.Reconnects);

    /// <summary>After a crash: waits until every agent has rejoined (gap-filled) its conversations.</summary>
    public async Task<TimeSpan> WaitForRejoinAsync(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            var pending = _agents.Where(a => a.Connection.State != HubConnectionState.Connected || !a.Rejoined.IsCompleted).ToList();
            if (pending.Count == 0) return clock.Elapsed;
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }

    private bool Generate(double rate, TimeSpan window, long maxInFlight)
    {
        var start = Stopwatch.GetTimestamp();
        var ticksPerMessage = Stopwatch.Frequency / rate;
        var planned = (long)(rate * window.TotalSeconds);
        long issued = 0;
        while (issued < planned)
        {
            var due = Math.Min(planned, (long)((Stopwatch.GetTimestamp() - start) / ticksPerMessage) + 1);
            while (issued < due)
            {
                if (Ledger.InFlight >= maxInFlight) return true;
                var conversation = _conversations[(int)(_cursor++ % _conversations.Length)];
                var dueTicks = start + (long)(issued * ticksPerMessage);
                _ = SendAsync(conversation, Ledger.Allocate(conversation, dueTicks), dueTicks);
                issued++;
            }
            Thread.Sleep(1);
        }
        return false;
    }

    /// <summary>
    /// One message: the body carries its id and scheduled time; the client message id is fixed before the first
    /// attempt and reused by every resend, which is what makes a resend after a crash return the original.
    /// </summary>
    private async Task SendAsync(ConversationTrack conversation, long id, long dueTicks)
    {
        var clientMessageId = Guid.NewGuid();
        var body = MessageLedger.Body(id, dueTicks);
        var giveUp = Stopwatch.GetTimestamp() + (long)(RetrySendsFor.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                var online = conversation.Visitor.Online;
                if (!online.IsCompleted) await online.WaitAsync(TimeSpan.FromSeconds(5));
                Ledger.Acknowledged(id, await conversation.Visitor.SendAsync(conversation.Id, clientMessageId, body, _sendPadding));
                return;
            }
            catch (Exception ex) when (Stopwatch.GetTimestamp() < giveUp)
            {
                Interlocked.CompareExchange(ref _firstSendError, $"{ex.GetType().Name}: {ex.Message}", null);
                Ledger.Retried();
                await Task.Delay(100);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _firstSendError, $"{ex.GetType().Name}: {ex.Message}", null);
                Ledger.SendFailed(id);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents) await agent.DisposeAsync();
        foreach (var visitor in _visitors) await visitor.DisposeAsync();
    }
}
