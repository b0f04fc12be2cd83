namespace Crm.Grains.Projections;

/// <summary>
/// When a projection saves its next snapshot: after <c>every</c> events or a minute, whichever comes first, but never
/// sooner than <see cref="CostShare"/> times the last save's own cost after it finished. A workspace-wide state grows
/// with the workspace (the CRM directory holds every customer), so a snapshot every few thousand events made a
/// million-row import quadratic: a tenth of its CPU, and most of its peak memory, went to rewriting the directory over
/// and over. Spacing saves by their own cost keeps them a bounded share (1 in 10) however large the state, and bounds
/// the replay after a crash to about ten saves' worth of folding.
/// </summary>
public static class SnapshotSpacing
{
    public const int CostShare = 10;

    public static readonly TimeSpan AtLeastEvery = TimeSpan.FromMinutes(1);

    public static bool Due(int sinceSnapshot, int every, TimeSpan sinceSaved, TimeSpan sinceLastSaveFinished, TimeSpan lastSaveCost) =>
        sinceSnapshot > 0
        && (sinceSnapshot >= every || sinceSaved >= AtLeastEvery)
        && sinceLastSaveFinished >= lastSaveCost * CostShare;
}
