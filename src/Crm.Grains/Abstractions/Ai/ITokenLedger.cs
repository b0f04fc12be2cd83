namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// Where the language-model engine counts tokens against a workspace's monthly budget. The host binds the durable
/// ledger (the workspace's usage grain); the engine only reads before a call and adds after it.
/// </summary>
public interface ITokenLedger
{
    /// <summary>Tokens the workspace used in the month of <paramref name="now"/>.</summary>
    Task<long> UsedAsync(string workspaceId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds one call's tokens; nothing for 0.</summary>
    Task AddAsync(string workspaceId, DateTimeOffset now, long tokens, CancellationToken cancellationToken);
}
