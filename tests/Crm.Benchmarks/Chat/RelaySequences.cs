using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Crm.Benchmarks.Chat;

/// <summary>The baseline relay's only state: a per-conversation counter, so receivers count by sequence number as with Crm.Web.</summary>
public sealed class RelaySequences
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _last = new();

    public long Next(string conversationId) => Interlocked.Increment(ref _last.GetOrAdd(conversationId, _ => new StrongBox<long>()).Value);
}
