using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Projections;

/// <summary>
/// Runs one registered <see cref="IProjection"/> (key: its name) through the shared <see cref="ProjectionCursor"/>: once
/// per cluster, wherever the grain lives, a bounded batch per turn. The checkpoint is the projection's own when it keeps
/// one (<see cref="IProjection.ReadOwnCheckpointAsync"/>); otherwise this grain saves it after each batch, under
/// "projection/hosted/{name}" in the snapshot store.
/// </summary>
public sealed class HostedProjectionGrain(IEnumerable<IProjection> projections) : Grain, IHostedProjectionGrain
{
    public const string Kind = "hosted";


    private ProjectionServices _services = null!;
    private IProjection _projection = null!;
    private ProjectionCursor _cursor = null!;
    private ProjectionContinuation _continue = null!;
    private bool _ownCheckpoint;
    private long _saved = -1;

    private string Partition => $"{Kind}/{this.GetPrimaryKeyString()}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        _projection = projections.FirstOrDefault(p => p.Name == name)
            ?? throw new InvalidOperationException($"No projection named '{name}' is registered on this silo.");
        _services = ServiceProvider.GetRequiredService<ProjectionServices>();
        _cursor = new ProjectionCursor(name, _projection.Filter, _services);
        _continue = new ProjectionContinuation(this, StepInBackgroundAsync);
        var own = await _projection.ReadOwnCheckpointAsync(cancellationToken);
        _ownCheckpoint = own is not null;
        var kept = await _services.Snapshots.LoadAsync(ProjectionWakeList.KeyOf(Partition), cancellationToken);
        _cursor.Resume(own ?? kept?.Position ?? 0);
        // The marker also lets the waker find this partition by key; with an own checkpoint it is informative only.
        if (kept is null) await SaveCheckpointAsync();
        _services.WakeList.Activated(Partition, this.AsReference<IProjectionPartitionGrain>());
        _continue.In(TimeSpan.Zero);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _services.WakeList.Deactivated(Partition);
        _services.Monitor.Forget(_cursor.Name);
        await SaveCheckpointAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task WakeAsync() => StepInBackgroundAsync();

    public Task<ProjectionStatus> GetStatusAsync() =>
        Task.FromResult(_services.Monitor.Local.FirstOrDefault(s => s.Name == _cursor.Name)
            ?? new ProjectionStatus(_cursor.Name, _cursor.Checkpoint, _cursor.Checkpoint, 0, _cursor.FailedAt, null, _services.Monitor.Now));

    private async Task StepInBackgroundAsync()
    {
        try
        {
            var caughtUp = await _cursor.StepAsync((batch, readUpTo) => _projection.HandleAsync(batch, readUpTo, CancellationToken.None));
            await SaveCheckpointAsync();
            if (!caughtUp) _continue.In(TimeSpan.Zero);
        }
        catch (ProjectionStoppedException)
        {
            // The events before the failing one may have been handled one by one: keep their checkpoint.
            await SaveCheckpointAsync();
            _continue.In(_cursor.RetryDelay);
        }
    }

    private async Task SaveCheckpointAsync()
    {
        if (_cursor.Checkpoint == _saved) return;
        try
        {
            await _services.Snapshots.SaveAsync(new Snapshot(ProjectionWakeList.KeyOf(Partition), 0, _cursor.Checkpoint, []));
            _saved = _cursor.Checkpoint;
        }
        catch (Exception ex) when (!_ownCheckpoint)
        {
            // Not saved: after a crash the batches since the last save are handed again (the handler is idempotent).
            _services.Logger.LogCheckpointSaveFailed(ex, _cursor.Name);
        }
        catch (Exception)
        {
            // The projection keeps its own checkpoint; the marker only helps the waker find it, and is retried next time.
        }
    }

}
