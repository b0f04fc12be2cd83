namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// A projection's handler failed on one event (a poison event): the projection stopped there, so a read that needs it up
/// to date cannot be answered truthfully. It resumes by itself once the handler succeeds.
/// The edge answers 503 with this message (a read that will work again, not a bug of the caller's).
/// </summary>
[GenerateSerializer, Alias("crm.projection.stopped")]
public sealed class ProjectionStoppedException : Exception
{
    public ProjectionStoppedException(string projection, long position, string reason, Exception? inner = null)
        : base($"Projection '{projection}' is stopped at position {position}: {reason}", inner)
    {
        Projection = projection;
        Position = position;
    }

    [Id(0)]
    public string Projection { get; private set; }

    [Id(1)]
    public long Position { get; private set; }
}
