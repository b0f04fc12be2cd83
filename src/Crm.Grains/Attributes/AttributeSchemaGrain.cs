using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Attributes.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Attributes;

public sealed class AttributeSchemaGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<AttributeSchemaState>(store, clock), IAttributeSchemaGrain
{
    protected override string StreamId => StreamIds.Attributes(this.GetPrimaryKeyString());

    public async Task<AttributeSchema> DefineAsync(DefineAttribute command)
    {
        var defined = AttributeRules.RequireDefinition(command);
        var current = State.Definitions.FirstOrDefault(d => d.Target == defined.Target && d.Key == defined.Key);
        if (current is null && State.Definitions.Count(d => d.Target == defined.Target) >= AttributeRules.MaxAttributes)
            throw new DomainException(DomainErrorKind.Invalid, $"A workspace can define at most {AttributeRules.MaxAttributes} attributes per record kind.");
        if (current is null || current.Label != defined.Label || current.Kind != defined.Kind || !current.Options.SequenceEqual(defined.Options))
            await RaiseAsync(command.Actor, new AttributeDefined(defined.Target, defined.Key, defined.Label, defined.Kind, defined.Options));
        return Schema();
    }

    public async Task<AttributeSchema> RemoveAsync(RemoveAttribute command)
    {
        if (!State.Definitions.Any(d => d.Target == command.Target && d.Key == command.Key))
            throw new DomainException(DomainErrorKind.NotFound, $"No {command.Target.ToString().ToLowerInvariant()} attribute '{command.Key}' is defined.");
        await RaiseAsync(command.Actor, new AttributeRemoved(command.Target, command.Key));
        return Schema();
    }

    public Task<AttributeSchema> GetAsync() => Task.FromResult(Schema());

    private AttributeSchema Schema() => new(State.Definitions.ToList());
}
