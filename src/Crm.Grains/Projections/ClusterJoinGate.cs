using Microsoft.Extensions.Hosting;

namespace Crm.Grains.Projections;

/// <summary>
/// Completes once the silo has joined its cluster: registered as a hosted service after Orleans' own, so it starts when
/// the silo's start has finished. What runs before then and would call a grain (a node's own projections reporting to
/// the health grain) waits for <see cref="Joined"/> instead: placing a grain before the silo has joined fails, and
/// Orleans retries it, logging every attempt with a stack trace.
/// </summary>
public sealed class ClusterJoinGate : IHostedService
{
    private readonly TaskCompletionSource joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Joined => joined.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        joined.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
