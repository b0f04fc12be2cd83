namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// A projection's handler failed on one event (a poison event): the projection stopped there, so a read that needs it up
/// to date cannot be answered truthfully. It resumes by itself once the handler succeeds.
/// </summary>
public sealed class ProjectionStoppedException : Exception
{
    public ProjectionStoppedException(string projection, long position, string reason, Exception? inner = null)
        : base($"Projection '{projection}' is stopped at position {position}: {reason}", inner)
    {
        Projection = projection;
        Position = position;
    }

    public string Projection { get; }

    public long Position { get; }
}
