using System.Runtime.CompilerServices;

namespace Crm.Silo.Infrastructure.Audit;

/// <summary>
/// One workspace's rows and chain head out of a whole-store reader. The chain is per workspace, so the verifier's
/// verdict for that workspace is the same as over the whole store, without hashing every other workspace's rows
/// (and without reporting on them to someone who may see only their own).
/// </summary>
public sealed class WorkspaceAuditChainReader(IAuditChainReader inner, string workspaceId) : IAuditChainReader
{
    public async IAsyncEnumerable<AuditRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in inner.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(AuditChain.WorkspaceOf(record.StreamId), workspaceId, StringComparison.Ordinal))
            {
                yield return record;
            }
        }
    }

    public async Task<IReadOnlyList<AuditChainHead>> ReadHeadsAsync(CancellationToken cancellationToken = default) =>
        (await inner.ReadHeadsAsync(cancellationToken).ConfigureAwait(false))
            .Where(h => string.Equals(h.Workspace, workspaceId, StringComparison.Ordinal))
            .ToList();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
