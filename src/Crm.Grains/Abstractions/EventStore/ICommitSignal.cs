namespace Crm.Grains.Abstractions.EventStore;

/// <summary>
/// Tells readers of the global log that something was committed, so projections are woken by commits instead of
/// polling. Bound by Crm.Silo: the group committer raises it for this process's commits; a shared store raises it for
/// other processes' commits too where it can (PostgreSQL LISTEN/NOTIFY), else readers keep a slow backstop poll.
/// </summary>
public interface ICommitSignal
{
    /// <summary>The highest position this process knows to be committed (0 before the first commit it saw).</summary>
    long Head { get; }

    /// <summary>Completes once a position past <paramref name="afterPosition"/> is known committed, or the token is cancelled.</summary>
    Task WaitForCommitAsync(long afterPosition, CancellationToken cancellationToken);
}
