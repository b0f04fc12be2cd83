namespace Crm.Grains.Projections;

/// <summary>How projections page through the store and how often they look without being woken (<c>Crm:Projections</c>).</summary>
public sealed class ProjectionOptions
{
    public const string SectionName = "Crm:Projections";

    /// <summary>
    /// Events handled per grain turn. Bounded so a turn stays short (a few milliseconds) even while a projection
    /// catches up on millions of events; the next page runs in a later turn, so calls interleave.
    /// </summary>
    public int PageSize { get; set; } = 1_000;

    /// <summary>
    /// How often each silo wakes its projections without a commit signal. Commits of this process wake them at once;
    /// this poll carries what no signal announces (another process's commits to a shared SQLite file).
    /// </summary>
    public TimeSpan BackstopPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events a projection with a snapshot folds past its last snapshot before it saves a new one.</summary>
    public int SnapshotEvery { get; set; } = 5_000;

    /// <summary>The longest wait between retries of a projection stopped by a failing event.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
