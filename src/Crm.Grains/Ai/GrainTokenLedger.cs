using Crm.Grains.Abstractions.Ai;

namespace Crm.Grains.Ai;

/// <summary>
/// The durable ledger: every read and add goes to the workspace's <see cref="IAiUsageGrain"/>. No per-node cache: a
/// grain read costs well under a millisecond against the seconds of the model call it guards, and a cache would let
/// each node spend past the budget on its own; uncached, a workspace overshoots by at most the calls in flight.
/// </summary>
public sealed class GrainTokenLedger(IGrainFactory grains) : ITokenLedger
{
    public const string Actor = "system:ai";

    public Task<long> UsedAsync(string workspaceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        grains.GetGrain<IAiUsageGrain>(workspaceId).GetUsedAsync(now).WaitAsync(cancellationToken);

    public Task AddAsync(string workspaceId, DateTimeOffset now, long tokens, CancellationToken cancellationToken) =>
        tokens <= 0 ? Task.CompletedTask
            : grains.GetGrain<IAiUsageGrain>(workspaceId).RecordAsync(new RecordAiTokens(tokens, now, "draft", Actor));
}
