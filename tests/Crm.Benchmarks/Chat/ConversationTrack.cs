namespace Crm.Benchmarks.Chat;

/// <summary>
/// One conversation as its agent receiver saw it, by sequence number (gap-free from 1): which seqs arrived at all,
/// which arrived as pushes, and the contiguous watermark a rejoin asks to be gap-filled after. A seq pushed twice is a
/// duplicate. A seq that arrives both as a push and in a (re)join's answer is not: the hub joins the group before it
/// reads, so an entry committed in between comes both ways by design and the client drops the second copy by seq.
/// </summary>
public sealed class ConversationTrack(int index, string id, VisitorClient visitor)
{
    private readonly Lock _lock = new();
    private ulong[] _received = new ulong[1];
    private ulong[] _pushed = new ulong[1];
    private long _watermark;

    public int Index { get; } = index;
    public string Id { get; } = id;
    public VisitorClient Visitor { get; } = visitor;

    /// <summary>The agent connection joined to this conversation.</summary>
    public int Agent { get; set; }

    public long Watermark
    {
        get
        {
            lock (_lock) return _watermark;
        }
    }

    public Receipt Observe(long seq, bool pushed)
    {
        lock (_lock)
        {
            if (pushed && !TrySet(ref _pushed, seq)) return Receipt.Duplicate;
            if (!TrySet(ref _received, seq)) return Receipt.Overlap;
            while (IsSet(_received, _watermark + 1)) _watermark++;
            return Receipt.First;
        }
    }

    private static bool TrySet(ref ulong[] bits, long seq)
    {
        var word = (int)(seq >> 6);
        if (word >= bits.Length) Array.Resize(ref bits, Math.Max(word + 1, bits.Length * 2));
        var mask = 1UL << (int)(seq & 63);
        if ((bits[word] & mask) != 0) return false;
        bits[word] |= mask;
        return true;
    }

    private static bool IsSet(ulong[] bits, long seq)
    {
        var word = (int)(seq >> 6);
        return word < bits.Length && (bits[word] & (1UL << (int)(seq & 63))) != 0;
    }

    public enum Receipt
    {
        First,
        Overlap,
        Duplicate,
    }
}
