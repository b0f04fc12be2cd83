using System.Diagnostics;
using System.Globalization;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// Every message the benchmark sent, by id (the id travels in the body with the scheduled send time): when it was due,
/// acknowledged (with which seq) and first received by its agent. Receipts are counted per (conversation, seq), so a
/// resend that the server answers with the original seq is not a duplicate, and one that made a second entry is.
/// </summary>
public sealed class MessageLedger
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly Lock _grow = new();
    private Record[][] _chunks = [];
    private long _next;

    private long _acked;
    private long _received;
    private long _failed;
    private long _retries;
    private long _duplicates;
    private long _resendDuplicates;
    private long _otherEntries;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _duplicateSamples = new();
    private long _overlaps;
    private long _echoes;
    private long _pushes;

    public long Issued => Interlocked.Read(ref _next);
    public long Acked => Interlocked.Read(ref _acked);
    public long Received => Interlocked.Read(ref _received);
    public long Failed => Interlocked.Read(ref _failed);
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Entries that came both pushed and in a (re)join's answer: expected, dropped by seq (see <see cref="ConversationTrack"/>).</summary>
    public long Overlaps => Interlocked.Read(ref _overlaps);

    /// <summary>The same (conversation, seq) pushed twice to its agent.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>The same message (by body id) received under two different seqs: a resend the server stored twice.</summary>
    public long ResendDuplicates => Interlocked.Read(ref _resendDuplicates);

    /// <summary>Thread entries the benchmark did not write (activities such as SLA breaches).</summary>
    public long OtherEntries => Interlocked.Read(ref _otherEntries);

    /// <summary>Echoes of their own messages the visitors received (informational; not checked for loss).</summary>
    public long Echoes => Interlocked.Read(ref _echoes);

    /// <summary>Other pushes to agents (Crm.Web's inbox row after each message).</summary>
    public long OtherPushes => Interlocked.Read(ref _pushes);

    /// <summary>The first few duplicates, to see what they were.</summary>
    public IEnumerable<string> DuplicateSamples => _duplicateSamples;

    public long InFlight => Issued - Acked - Failed;

    public long Allocate(ConversationTrack conversation, long dueTicks)
    {
        var id = Interlocked.Increment(ref _next) - 1;
        ref var record = ref At(id);
        record.Conversation = conversation.Index;
        record.DueTicks = dueTicks;
        return id;
    }

    public static string Body(long id, long dueTicks) => string.Create(CultureInfo.InvariantCulture, $"bench {id} {dueTicks} hello, I need help with my order");

    public void Acknowledged(long id, long seq)
    {
        ref var record = ref At(id);
        record.AckSeq = seq;
        Volatile.Write(ref record.AckTicks, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _acked);
    }

    public void SendFailed(long id)
    {
        At(id).SendFailed = true;
        Interlocked.Increment(ref _failed);
    }

    public void Retried() => Interlocked.Increment(ref _retries);

    public void Echoed() => Interlocked.Increment(ref _echoes);

    public void OtherPush() => Interlocked.Increment(ref _pushes);

    /// <param name="pushed">True for a MessagePosted push, false for an entry in a (re)join's answer.</param>
    public void Receive(ConversationTrack conversation, long seq, string body, long receivedTicks, bool pushed, int receiver = -1)
    {
        switch (conversation.Observe(seq, pushed))
        {
            case ConversationTrack.Receipt.Duplicate:
                if (Interlocked.Increment(ref _duplicates) <= 5)
                    _duplicateSamples.Enqueue(string.Create(CultureInfo.InvariantCulture,
                        $"{conversation.Id} seq {seq} pushed again {(receivedTicks - FirstReceiptOf(body)) * 1000.0 / Stopwatch.Frequency:0} ms after its first receipt, to agent {receiver} (joined: {conversation.Agent}): \"{body}\""));
                return;
            case ConversationTrack.Receipt.Overlap:
                Interlocked.Increment(ref _overlaps);
                return;
        }
        if (!TryParseId(body, out var id) || id >= Issued)
        {
            Interlocked.Increment(ref _otherEntries);
            return;
        }
        ref var record = ref At(id);
        if (Interlocked.CompareExchange(ref record.ReceivedTicks, receivedTicks, 0) != 0)
        {
            Interlocked.Increment(ref _resendDuplicates);
            return;
        }
        record.ReceivedSeq = seq;
        Interlocked.Increment(ref _received);
    }

    /// <summary>
    /// True once every message below <paramref name="to"/> is acknowledged and received, or failed; <paramref name="cursor"/>
    /// remembers the first one that was not, so polling is incremental.
    /// </summary>
    public bool Settled(long to, ref long cursor)
    {
        for (; cursor < to; cursor++)
        {
            ref var r = ref At(cursor);
            if (!r.SendFailed && (Volatile.Read(ref r.AckTicks) == 0 || Volatile.Read(ref r.ReceivedTicks) == 0)) return false;
        }
        return true;
    }

    /// <summary>The messages with ids in [<paramref name="from"/>, <paramref name="to"/>) as they stand now.</summary>
    public PhaseResult Summarize(long from, long to, TimeSpan window)
    {
        var endToEnd = new List<double>((int)Math.Max(0, to - from));
        var ack = new List<double>((int)Math.Max(0, to - from));
        long acked = 0, received = 0, failed = 0, lost = 0, mismatched = 0;
        var msPerTick = 1000.0 / Stopwatch.Frequency;
        for (var id = from; id < to; id++)
        {
            ref var r = ref At(id);
            var ackTicks = Volatile.Read(ref r.AckTicks);
            var receivedTicks = Volatile.Read(ref r.ReceivedTicks);
            if (r.SendFailed) failed++;
            if (ackTicks != 0)
            {
                acked++;
                ack.Add((ackTicks - r.DueTicks) * msPerTick);
                if (receivedTicks == 0) lost++;
                else if (r.ReceivedSeq != r.AckSeq) mismatched++;
            }
            if (receivedTicks != 0)
            {
                received++;
                endToEnd.Add((receivedTicks - r.DueTicks) * msPerTick);
            }
        }
        return new PhaseResult(to - from, acked, received, failed, lost, mismatched, window, Sorted(endToEnd), Sorted(ack));
    }

    private static double[] Sorted(List<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    private long FirstReceiptOf(string body) => TryParseId(body, out var id) && id < Issued ? Volatile.Read(ref At(id).ReceivedTicks) : 0;

    private static bool TryParseId(string body, out long id)
    {
        id = 0;
        if (!body.StartsWith("bench ", StringComparison.Ordinal)) return false;
        var rest = body.AsSpan(6);
        var space = rest.IndexOf(' ');
        return space > 0 && long.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private ref Record At(long id)
    {
        var chunk = (int)(id >> ChunkBits);
        var chunks = Volatile.Read(ref _chunks);
        if (chunk >= chunks.Length)
        {
            lock (_grow)
            {
                chunks = _chunks;
                if (chunk >= chunks.Length)
                {
                    var grown = new Record[Math.Max(chunk + 1, chunks.Length * 2)][];
                    Array.Copy(chunks, grown, chunks.Length);
                    for (var i = chunks.Length; i < grown.Length; i++) grown[i] = new Record[ChunkSize];
                    Volatile.Write(ref _chunks, grown);
                    chunks = grown;
                }
            }
        }
        return ref chunks[chunk][id & (ChunkSize - 1)];
    }

    private struct Record
    {
        public long DueTicks;
        public long AckTicks;
        public long ReceivedTicks;
        public long AckSeq;
        public long ReceivedSeq;
        public int Conversation;
        public bool SendFailed;
    }
}
