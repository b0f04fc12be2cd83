using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.LiveFeed;
using Crm.Testing.Cluster;

namespace Crm.Grains.Tests.LiveFeed;

/// <summary>
/// A stand-in web node on the test client for a test's lifetime: registered with the feed's directory, with the fake
/// clock moved past the publishers' cache so every publisher sees it at once.
/// </summary>
public sealed class FeedRecording(CrmClusterFixture cluster)
{
    private readonly string _nodeId = TestKeys.NewId("node");
    private ILiveFeedObserver? _reference;

    public RecordingObserver Observer { get; } = new();

    private ILiveFeedDirectoryGrain Directory => cluster.Grains.GetGrain<ILiveFeedDirectoryGrain>(ILiveFeedDirectoryGrain.Key);

    public async Task StartAsync()
    {
        _reference = cluster.Client.CreateObjectReference<ILiveFeedObserver>(Observer);
        await Directory.RegisterAsync(_nodeId, _reference);
        cluster.Clock.Advance(LiveFeedTimings.PublisherCache + TimeSpan.FromMilliseconds(1));
    }

    public async Task StopAsync()
    {
        await Directory.UnregisterAsync(_nodeId);
        if (_reference is not null) cluster.Client.DeleteObjectReference<ILiveFeedObserver>(_reference);
    }
}
