using Crm.Grains.Abstractions.EventStore;

namespace Crm.Grains.Audit;

/// <summary>
/// A page's stored events, newest first, the cursor after them (null: nothing older can match), how many events were
/// read to find them, and any whole stream histories already read on the way (so describing does not read them again).
/// </summary>
internal sealed record AuditSelection(
    IReadOnlyList<StoredEvent> Events,
    long? Next,
    int Scanned,
    IReadOnlyDictionary<string, IReadOnlyList<StoredEvent>> Histories);
