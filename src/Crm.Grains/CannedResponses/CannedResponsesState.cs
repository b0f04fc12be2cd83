using Crm.Grains.Abstractions.CannedResponses;
using Crm.Grains.CannedResponses.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.CannedResponses;

public sealed class CannedResponsesState : IEventSourcedState
{
    public SortedDictionary<string, CannedResponse> ByShortcut { get; } = new(StringComparer.Ordinal);

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case CannedResponseSaved e:
                ByShortcut[e.Shortcut] = new CannedResponse(e.Shortcut, e.Title, e.Body);
                break;
            case CannedResponseDeleted e:
                ByShortcut.Remove(e.Shortcut);
                break;
        }
    }
}
