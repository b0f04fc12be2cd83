namespace Crm.Silo.Infrastructure.Audit;

/// <summary>The last hashed event of a workspace as the store recorded it when committing: catches rows cut off the end.</summary>
public sealed record AuditChainHead(string Workspace, long Position, string Hash);
