using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Snapshots;

namespace Crm.Grains.Projections;

/// <summary>
/// A projection partition whose checkpoint is committed in the grain's own event stream together with what it records
/// (the router, the mail outbox): the cursor it reads with, its place on the silo's wake list, and a marker under
/// "projection/{partition}" that lets every silo's waker find it again after its silo stops.
/// </summary>
public sealed class StreamProjection
{
    private readonly ProjectionServices _services;
    private readonly string _partition;

    private StreamProjection(ProjectionServices services, string partition, ProjectionCursor cursor)
    {
        (_services, _partition, Cursor) = (services, partition, cursor);
    }

    public ProjectionCursor Cursor { get; }

    /// <summary>Starts reading at <paramref name="checkpoint"/> (the one folded from the grain's stream).</summary>
    public static async Task<StreamProjection> StartAsync(
        IServiceProvider provider, IProjectionPartitionGrain self, string partition, EventFilter filter, long checkpoint,
        Func<Exception, bool>? transient, CancellationToken cancellationToken)
    {
        var services = (ProjectionServices)(provider.GetService(typeof(ProjectionServices))
            ?? throw new InvalidOperationException("The projection runner is not registered on this silo (AddCrmProjectionRunner)."));
        var cursor = new ProjectionCursor(partition, filter, services, transient);
        cursor.Resume(checkpoint);
        services.WakeList.Activated(partition, self);
        var marker = ProjectionWakeList.KeyOf(partition);
        if (await services.Snapshots.LoadAsync(marker, cancellationToken) is null)
            await services.Snapshots.SaveAsync(new Snapshot(marker, 0, checkpoint, []), cancellationToken);
        return new StreamProjection(services, partition, cursor);
    }

    /// <summary>The grain deactivates: the waker no longer wakes it here (its poll re-activates it where it is needed).</summary>
    public void Stop()
    {
        _services.WakeList.Deactivated(_partition);
        _services.Monitor.Forget(_partition);
    }
}
