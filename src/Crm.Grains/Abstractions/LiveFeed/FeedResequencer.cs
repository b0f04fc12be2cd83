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

    /// <summary>Hands on <paramref name="items"/> (one writer's batch) now, or once what comes before it has gone on.</summary>
    public void Accept(IReadOnlyList<LiveFeedItem> items)
    {
        if (ConversationOf(items) is not { } key)
        {
            _deliver(items);
            return;
        }
        lock (_gate)
        {
            if (!_threads.TryGetValue(key, out var thread)) _threads[key] = thread = new ConversationOrder();
            thread.TouchedAt = _clock.GetTimestamp();
            if (thread.Held.Count > 0 || IsAfterGap(thread, items)) Hold(thread, items);
            else Send(thread, items);
            Release(thread);
            SweepIfDue();
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Held batches wait in commit order: by the version of the row each carries.</summary>
    private void Hold(ConversationOrder thread, IReadOnlyList<LiveFeedItem> items)
    {
        if (!thread.Held.TryAdd(VersionOf(items), items))
        {
            Send(thread, items); // the same commit twice: what it adds is filtered as a repeat
            return;
        }
        if (thread.HeldSince is not null) return;
        thread.HeldSince = _clock.GetTimestamp();
        if (_armed) return; // the armed timer is due no later than this hold's end
        _armed = true;
        _timer.Change(HoldFor, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends held batches from the front for as long as no thread entry is missing before them.</summary>
    private void Release(ConversationOrder thread)
    {
        while (thread.Held.Count > 0)
        {
            var items = thread.Held.Values[0];
            if (IsAfterGap(thread, items)) return;
            thread.Held.RemoveAt(0);
            Send(thread, items);
        }
        thread.HeldSince = null;
    }

    /// <summary>Sends a batch without what this node already sent: thread entries it passed and rows older than its last.</summary>
    private void Send(ConversationOrder thread, IReadOnlyList<LiveFeedItem> items)
    {
        var fresh = new List<LiveFeedItem>(items.Count);
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
            fresh.Add(item);
        }
        if (fresh.Count > 0) _deliver(fresh);
    }

    /// <summary>The hold ran out: what is held goes on in order, and clients gap-fill what never arrived.</summary>
    private void FlushOverdue()
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
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
                foreach (var items in thread.Held.Values) Send(thread, items);
                thread.Held.Clear();
                thread.HeldSince = null;
            }
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

    /// <summary>The conversation a batch belongs to: conversation grains publish its thread entries and its row together.</summary>
    private static (string, string)? ConversationOf(IReadOnlyList<LiveFeedItem> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case MessageFeedItem m: return (m.WorkspaceId, m.Message.ConversationId);
                case ConversationFeedItem c: return (c.WorkspaceId, c.Summary.ConversationId);
            }
        }
        return null;
    }

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
