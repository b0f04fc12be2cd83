using Crm.Grains.Abstractions.CannedResponses;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.CannedResponses.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.CannedResponses;

public sealed class CannedResponsesGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<CannedResponsesState>(store, clock), ICannedResponsesGrain
{
    protected override string StreamId => StreamIds.For(StreamIds.CannedResponsesCategory, this.GetPrimaryKeyString(), "all");

    public Task<IReadOnlyList<CannedResponse>> ListAsync() =>
        Task.FromResult<IReadOnlyList<CannedResponse>>(State.ByShortcut.Values.ToList());

    public async Task<CannedResponse> SaveAsync(SaveCannedResponse command)
    {
        var saved = new CannedResponseSaved(
            CannedResponseRules.RequireShortcut(command.Shortcut), CannedResponseRules.RequireTitle(command.Title), CannedResponseRules.RequireBody(command.Body));
        if (!State.ByShortcut.ContainsKey(saved.Shortcut) && State.ByShortcut.Count >= CannedResponseRules.MaxResponses)
            throw new DomainException(DomainErrorKind.Invalid, $"A workspace can keep at most {CannedResponseRules.MaxResponses} canned responses.");
        var response = new CannedResponse(saved.Shortcut, saved.Title, saved.Body);
        if (State.ByShortcut.GetValueOrDefault(saved.Shortcut) != response)
            await RaiseAsync(command.Actor, saved);
        return response;
    }

    public async Task DeleteAsync(string shortcut, string actor)
    {
        var normalized = CannedResponseRules.RequireShortcut(shortcut);
        if (State.ByShortcut.ContainsKey(normalized))
            await RaiseAsync(actor, new CannedResponseDeleted(normalized));
    }
}
