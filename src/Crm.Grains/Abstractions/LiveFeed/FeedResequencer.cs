namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>
/// Puts each conversation's batches back in commit order before a web node hands them on. Orleans does not promise
/// that two one-way messages arrive in the order they were sent (an address looked up for one and cached for the
/// next is enough to swap them), and a swapped pair made every client see message 636 before 634 and gap-fill for
/// nothing. A conversation's thread numbers are contiguous, so a jump is visible: the batch after the gap is held
/// until the missing one arrives, or for <see cref="HoldFor"/> at most (then everything held goes on in order and
/// clients gap-fill what never came, as after any loss). Its inbox row never goes out ahead of its messages, and a
/// row older than one already sent is dropped. Items of any other kind pass straight through.
/// </summary>
public sealed class FeedResequencer : IDisposable
{
    /// <summary>Long enough to cover a swap inside one node, short enough that a real loss is repaired at once.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMilliseconds(250);

    /// <summary>A conversation quiet this long is forgotten, so the table holds only the ones that are live.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(2);

    private readonly Dictionary<(string Workspace, string Conversation), ConversationOrder> _threads = [];
    private readonly Action<IReadOnlyList<LiveFeedItem>> _deliver;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _lastSweep;
    private bool _armed;

    public FeedResequencer(TimeProvider clock, Action<IReadOnlyList<LiveFeedItem>> deliver)
    {
        _clock = clock;
        _deliver = deliver;
        _lastSweep = clock.GetTimestamp();
        _timer = clock.CreateTimer(_ => FlushOverdue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Hands on <paramref name="items"/> (one writer's batch) now, or once what comes before it has gone on. A batch may
    /// hold several conversations' items (the inbox projection publishes many rows at once): each conversation's part
    /// is ordered against that conversation alone, so one conversation's version never filters another's row.
    /// </summary>
    public void Accept(IReadOnlyList<LiveFeedItem> items)
    {
        var (conversation, mixed) = ConversationOf(items);
        if (conversation is null && !mixed)
        {
            _deliver(items); // nothing of a conversation (presence, queues, agents): nothing to order
            return;
        }
        var output = new List<LiveFeedItem>(items.Count);
        lock (_gate)
        {
            if (mixed)
                foreach (var (key, part) in SplitByConversation(items)) Order(key, part, output);
            else
                Order(conversation, items, output);
            SweepIfDue();
            // Delivered under the lock: two batches of one conversation reach subscribers in the order released here.
            if (output.Count > 0) _deliver(output);
        }
    }

    /// <summary>One conversation's part of a batch (or, with no conversation, items that go straight on).</summary>
    private void Order((string, string)? key, IReadOnlyList<LiveFeedItem> part, List<LiveFeedItem> output)
    {
        if (key is not { } conversation)
        {
            output.AddRange(part);
            return;
        }
        if (!_threads.TryGetValue(conversation, out var thread)) _threads[conversation] = thread = new ConversationOrder();
        thread.TouchedAt = _clock.GetTimestamp();
        if (thread.Held.Count > 0 || IsAfterGap(thread, part)) Hold(thread, part, output);
        else Send(thread, part, output);
        Release(thread, output);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Held batches wait in commit order: by the version of the row each carries.</summary>
    private void Hold(ConversationOrder thread, IReadOnlyList<LiveFeedItem> items, List<LiveFeedItem> output)
    {
        if (!thread.Held.TryAdd(VersionOf(items), items))
        {
            Send(thread, items, output); // the same commit twice: what it adds is filtered as a repeat
            return;
        }
        if (thread.HeldSince is not null) return;
        thread.HeldSince = _clock.GetTimestamp();
        if (_armed) return; // the armed timer is due no later than this hold's end
        _armed = true;
        _timer.Change(HoldFor, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends held batches from the front for as long as no thread entry is missing before them.</summary>
    private void Release(ConversationOrder thread, List<LiveFeedItem> output)
    {
        while (thread.Held.Count > 0)
        {
            var items = thread.Held.Values[0];
            if (IsAfterGap(thread, items)) return;
            thread.Held.RemoveAt(0);
            Send(thread, items, output);
        }
        thread.HeldSince = null;
    }

    /// <summary>Adds a batch to <paramref name="output"/> without what this node already sent: thread entries it passed and rows older than its last.</summary>
    private static void Send(ConversationOrder thread, IReadOnlyList<LiveFeedItem> items, List<LiveFeedItem> output)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case MessageFeedItem m when thread.LastSeq > 0 && m.Message.Seq <= thread.LastSeq && m.Message.Seq >= thread.FirstSeq:
                    continue;
                case MessageFeedItem m:
                    if (thread.FirstSeq == 0 || m.Message.Seq < thread.FirstSeq) thread.FirstSeq = m.Message.Seq;
                    thread.LastSeq = Math.Max(thread.LastSeq, m.Message.Seq);
                    break;
                case ConversationFeedItem c when c.Summary.Version <= thread.LastVersion:
                    continue;
                case ConversationFeedItem c:
                    thread.LastVersion = c.Summary.Version;
                    break;
            }
            output.Add(item);
        }
    }

    /// <summary>The hold ran out: what is held goes on in order, and clients gap-fill what never arrived.</summary>
    private void FlushOverdue()
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            var output = new List<LiveFeedItem>();
            _armed = false;
            TimeSpan? next = null;
            foreach (var thread in _threads.Values)
            {
                if (thread.HeldSince is not { } since) continue;
                var left = HoldFor - _clock.GetElapsedTime(since, now);
                if (left > TimeSpan.Zero)
                {
                    next = next is { } n && n < left ? n : left;
                    continue;
                }
                foreach (var items in thread.Held.Values) Send(thread, items, output);
                thread.Held.Clear();
                thread.HeldSince = null;
            }
            if (output.Count > 0) _deliver(output);
            if (next is not { } wait) return;
            _armed = true;
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void SweepIfDue()
    {
        var now = _clock.GetTimestamp();
        if (_clock.GetElapsedTime(_lastSweep, now) < ForgetAfter) return;
        _lastSweep = now;
        foreach (var (key, thread) in _threads.ToList())
            if (thread.Held.Count == 0 && _clock.GetElapsedTime(thread.TouchedAt, now) > ForgetAfter) _threads.Remove(key);
    }

    /// <summary>
    /// The conversation every item of a batch belongs to (null: none does), or mixed when they belong to several, or
    /// some do and some do not. A conversation grain's batch is one conversation (its thread entries and its row).
    /// </summary>
    private static ((string, string)? Conversation, bool Mixed) ConversationOf(IReadOnlyList<LiveFeedItem> items)
    {
        var first = items.Count > 0 ? ConversationOf(items[0]) : null;
        for (var i = 1; i < items.Count; i++)
            if (ConversationOf(items[i]) != first) return (null, true);
        return (first, false);
    }

    /// <summary>A mixed batch by conversation, in order of first appearance; items of no conversation first (key null).</summary>
    private static IEnumerable<((string, string)? Key, IReadOnlyList<LiveFeedItem> Part)> SplitByConversation(IReadOnlyList<LiveFeedItem> items)
    {
        var parts = new Dictionary<(string, string), List<LiveFeedItem>>();
        var order = new List<(string, string)>();
        var others = new List<LiveFeedItem>();
        foreach (var item in items)
        {
            if (ConversationOf(item) is not { } key)
            {
                others.Add(item);
                continue;
            }
            if (!parts.TryGetValue(key, out var part))
            {
                parts[key] = part = [];
                order.Add(key);
            }
            part.Add(item);
        }
        if (others.Count > 0) yield return (null, others);
        foreach (var key in order) yield return (key, parts[key]);
    }

    private static (string, string)? ConversationOf(LiveFeedItem item) => item switch
    {
        MessageFeedItem m => (m.WorkspaceId, m.Message.ConversationId),
        ConversationFeedItem c => (c.WorkspaceId, c.Summary.ConversationId),
        _ => null,
    };

    /// <summary>The batch starts past the next thread number this node expects: something before it is still on its way.</summary>
    private static bool IsAfterGap(ConversationOrder thread, IReadOnlyList<LiveFeedItem> items)
    {
        foreach (var item in items)
            if (item is MessageFeedItem m) return thread.LastSeq > 0 && m.Message.Seq > thread.LastSeq + 1;
        return false;
    }

    private static long VersionOf(IReadOnlyList<LiveFeedItem> items)
    {
        foreach (var item in items)
            if (item is ConversationFeedItem c) return c.Summary.Version;
        return long.MaxValue; // thread entries without their row (never published so): after everything held
    }

    private sealed class ConversationOrder
    {
        /// <summary>The first and last thread numbers this node sent: everything between went on, in order.</summary>
        public long FirstSeq;
        public long LastSeq;
        public long LastVersion;
        public long TouchedAt;
        public long? HeldSince;
        public SortedList<long, IReadOnlyList<LiveFeedItem>> Held { get; } = [];
    }
}
