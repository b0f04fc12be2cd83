using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Ai;

/// <summary>The answer-bot switch of one workspace: off until an admin turns it on.</summary>
public sealed class AnswerBotSettingsGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<AnswerBotSettingsState>(store, clock), IAnswerBotSettingsGrain
{
    protected override string StreamId => StreamIds.AnswerBot(this.GetPrimaryKeyString());

    public Task<AnswerBotSettings> GetAsync() => Task.FromResult(State.Settings);

    public async Task<AnswerBotSettings> ConfigureAsync(ConfigureAnswerBot command)
    {
        if (State.Settings.Enabled != command.Enabled) await RaiseAsync(command.Actor, new AnswerBotConfigured(command.Enabled));
        return State.Settings;
    }
}
