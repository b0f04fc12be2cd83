using Crm.Grains.Abstractions.EventStore;

namespace Crm.Grains.Projections;

/// <summary>
/// The commit signal of a host whose store announces nothing: never raised, so projections advance on their backstop
/// poll and on the nudges grains send after their own commits. Registered only when the store binds no real signal.
/// </summary>
public sealed class NoCommitSignal : ICommitSignal
{
    public long Head => 0;

    public Task WaitForCommitAsync(long afterPosition, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);
}
