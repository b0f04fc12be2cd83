using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai;

public sealed class AnswerBotSettingsState : IEventSourcedState
{
    public AnswerBotSettings Settings { get; private set; } = new(false);

    public void Apply(DomainEvent @event)
    {
        if (@event is AnswerBotConfigured e) Settings = new AnswerBotSettings(e.Enabled, e.At, e.By);
    }
}
