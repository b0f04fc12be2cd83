namespace Crm.Grains.Abstractions.Audit;

/// <summary>
/// A workspace's audit trail, derived from its event streams on demand (key: the workspace id). It reads only streams
/// under "{workspaceId}/", so no entry of another workspace can ever appear.
/// </summary>
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>
    /// One page of entries, newest first, that match <paramref name="query"/>; pass <see cref="AuditPage.Next"/> as
    /// <see cref="AuditQuery.Before"/> for the next. A page may hold fewer than <see cref="AuditQuery.Limit"/> entries
    /// while <see cref="AuditPage.Next"/> is set: each call scans a bounded number of events.
    /// </summary>
    Task<AuditPage> ReadAsync(AuditQuery query);

    /// <summary>
    /// Recomputes this workspace's hash chain from the stored rows and reports whether it holds or where it first
    /// breaks. Reads the whole log, so it may take a while on a large store: run on demand only.
    /// </summary>
    [ResponseTimeout("00:10:00")]
    Task<AuditChainStatus> VerifyChainAsync();
}
