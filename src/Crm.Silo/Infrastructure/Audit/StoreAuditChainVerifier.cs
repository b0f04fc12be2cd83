using Crm.Grains.Abstractions.Audit;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Extensions.Options;

namespace Crm.Silo.Infrastructure.Audit;

/// <summary>
/// Binds <see cref="IAuditChainVerifier"/> to the verifier the verify-audit command runs, over the configured store,
/// restricted to one workspace. Opens its own read connection per run, so it never holds up the store's writer.
/// </summary>
public sealed class StoreAuditChainVerifier(IOptions<EventStoreOptions> options) : IAuditChainVerifier
{
    public async Task<AuditChainStatus> VerifyAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        await using var reader = new WorkspaceAuditChainReader(
            await AuditChainReaders.OpenAsync(options.Value, cancellationToken).ConfigureAwait(false), workspaceId);
        var report = await AuditVerifier.VerifyAsync(reader, cancellationToken).ConfigureAwait(false);
        var result = report.Workspaces.SingleOrDefault(w => string.Equals(w.Workspace, workspaceId, StringComparison.Ordinal));
        return result is null
            ? new AuditChainStatus(workspaceId, 0, 0, null)
            : new AuditChainStatus(
                workspaceId,
                result.EventsChecked,
                result.EventsBeforeChain,
                result.Break is { } broken ? new AuditChainBreak(broken.Position, broken.StreamId, broken.Version, broken.Description, broken.Detail) : null);
    }
}
