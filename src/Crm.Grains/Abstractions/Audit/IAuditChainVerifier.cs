namespace Crm.Grains.Abstractions.Audit;

/// <summary>
/// Checks one workspace's audit hash chain against the stored rows. Crm.Grains owns this contract; Crm.Silo binds it to
/// the same verifier the verify-audit command runs.
/// </summary>
public interface IAuditChainVerifier
{
    Task<AuditChainStatus> VerifyAsync(string workspaceId, CancellationToken cancellationToken = default);
}
