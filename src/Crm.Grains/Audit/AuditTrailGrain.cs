using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Orleans.Concurrency;

namespace Crm.Grains.Audit;

/// <summary>
/// Serves the audit trail of the workspace in its key. Holds no state (every read goes to the store), so it is a
/// stateless worker: reads run on the silo that receives them, side by side.
/// </summary>
[StatelessWorker]
public sealed class AuditTrailGrain(IEventStore store, IAuditChainVerifier verifier) : Grain, IAuditTrailGrain
{
    private string WorkspaceId => Ids.Require(this.GetPrimaryKeyString(), "workspace");

    public Task<AuditPage> ReadAsync(AuditQuery query) => new AuditTrailReader(store).ReadAsync(WorkspaceId, query);

    public Task<AuditChainStatus> VerifyChainAsync() => verifier.VerifyAsync(WorkspaceId);
}
