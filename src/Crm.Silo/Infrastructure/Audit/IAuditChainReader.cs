namespace Crm.Silo.Infrastructure.Audit;

/// <summary>Reads what verification needs straight from a store's tables, without opening the store for writing.</summary>
public interface IAuditChainReader : IAsyncDisposable
{
    /// <summary>Every event row, all workspaces, in position order. Streams, so a large log is not held in memory.</summary>
    IAsyncEnumerable<AuditRecord> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The recorded head of every workspace's chain.</summary>
    Task<IReadOnlyList<AuditChainHead>> ReadHeadsAsync(CancellationToken cancellationToken = default);
}
