namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// How far one projection partition (e.g. "inbox/acme") has read, as last reported by the runner that hosts it.
/// </summary>
/// <param name="Name">The partition: "{projection}" or "{projection}/{workspace}".</param>
/// <param name="Checkpoint">The position handled up to.</param>
/// <param name="Head">The store's head as the runner last knew it.</param>
/// <param name="LagSeconds">How long the oldest unhandled commit has waited (0 when caught up).</param>
/// <param name="FailedAt">The position of the event its handler fails on (a poison event), null while it runs.</param>
/// <param name="Error">What the handler said about it.</param>
/// <param name="ReportedAt">When the runner reported this.</param>
/// <param name="CaughtUp">Its last read reached the store's head.</param>
[GenerateSerializer, Immutable, Alias("crm.projections.projection-status")]
public sealed record ProjectionStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] long Checkpoint,
    [property: Id(2)] long Head,
    [property: Id(3)] double LagSeconds,
    [property: Id(4)] long? FailedAt,
    [property: Id(5)] string? Error,
    [property: Id(6)] DateTimeOffset ReportedAt,
    [property: Id(7)] bool CaughtUp = false)
{
    public long LagEvents => Math.Max(0, Head - Checkpoint);
}
