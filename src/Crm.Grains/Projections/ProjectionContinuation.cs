namespace Crm.Grains.Projections;

/// <summary>
/// The one-shot grain timer a projection grain continues with: the next page in a later turn (so calls interleave with a
/// long catch-up), or a retry after a failing event's backoff. It keeps the activation alive while armed.
/// </summary>
internal sealed class ProjectionContinuation(IGrainBase grain, Func<Task> step)
{
    private static readonly TimeSpan MinRetry = TimeSpan.FromMilliseconds(100);

    private IGrainTimer? _timer;

    public void In(TimeSpan due)
    {
        if (due > TimeSpan.Zero && due < MinRetry) due = MinRetry;
        if (_timer is null)
            _timer = grain.RegisterGrainTimer(_ => step(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        else
            _timer.Change(due, Timeout.InfiniteTimeSpan);
    }
}
