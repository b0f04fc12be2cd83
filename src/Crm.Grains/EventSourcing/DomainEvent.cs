namespace Crm.Grains.EventSourcing;

/// <summary>
/// Base of every persisted domain event: a fact in the past tense. <see cref="At"/> and <see cref="By"/> are
/// stamped by <see cref="EventSourcedGrain{TState}"/> when the event is raised, so commands cannot forge them.
/// The [Alias] of each concrete event is its stored type name: renaming the class never orphans stored events.
/// </summary>
[GenerateSerializer]
public abstract record DomainEvent
{
    [Id(0)] public DateTimeOffset At { get; init; }
    [Id(1)] public string By { get; init; } = "";
}
