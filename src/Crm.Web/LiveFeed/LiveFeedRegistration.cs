using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Web.LiveFeed;

/// <summary>
/// Registers this node's observer with the cluster and renews the lease. StartAsync completes only once every
/// publisher's cached list must include this node, and hosted services start before Kestrel listens, so no client
/// can connect to a node the feed does not yet reach.
/// </summary>
public sealed class LiveFeedRegistration(IGrainFactory grains, LiveFeedObserver observer, ILogger<LiveFeedRegistration> logger)
    : BackgroundService
{
    private readonly string _nodeId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():n}";
    private ILiveFeedObserver? _reference;

    private ILiveFeedDirectoryGrain Directory => grains.GetGrain<ILiveFeedDirectoryGrain>(ILiveFeedDirectoryGrain.Key);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<ILiveFeedObserver>(observer);
        await Directory.RegisterAsync(_nodeId, _reference);
        await Task.Delay(LiveFeedTimings.PublisherCache + TimeSpan.FromMilliseconds(250), cancellationToken);
        logger.LogInformation("Live feed registered as {NodeId}", _nodeId);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LiveFeedTimings.RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Directory.RegisterAsync(_nodeId, _reference!);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The directory's silo may be failing over; the next renewal re-registers.
                logger.LogWarning(ex, "Renewing the live feed registration failed");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Directory.UnregisterAsync(_nodeId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Unregistering from the live feed failed; the lease will lapse");
        }
        if (_reference is not null) grains.DeleteObjectReference<ILiveFeedObserver>(_reference);
    }
}
