using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Agents.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Agents;

public sealed class AgentGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<AgentState>(store, clock), IAgentGrain
{
    private (string WorkspaceId, string AgentId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.AgentCategory, Key.WorkspaceId, Key.AgentId);

    public async Task<AgentDetails> RegisterAsync(RegisterAgent command)
    {
        if (string.IsNullOrWhiteSpace(command.DisplayName))
            throw new DomainException(DomainErrorKind.Invalid, "An agent needs a display name.");
        if (command.ChatCapacity is < 0 or > 50)
            throw new DomainException(DomainErrorKind.Invalid, "Chat capacity must be between 0 and 50.");

        var registered = new AgentRegistered(command.DisplayName.Trim(), command.Email?.Trim() ?? "", command.Role ?? "", command.ChatCapacity);
        if (State.Profile is { } p && p with { At = default, By = "" } == registered)
            return Details();
        await RaiseAsync(command.Actor, registered);
        return Announce();
    }

    public async Task<AgentDetails> SetPresenceAsync(SetAgentPresence command)
    {
        RequireRegistered();
        if (!Enum.IsDefined(command.Status))
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown presence status {(int)command.Status}.");
        if (command.Status == State.Status)
            return Details();
        await RaiseAsync(command.Actor, new AgentPresenceChanged(command.Status, State.Status, Clock.GetUtcNow() - State.StatusSince));
        return Announce();
    }

    public Task<AgentDetails> GetDetailsAsync()
    {
        RequireRegistered();
        return Task.FromResult(Details());
    }

    private AgentDetails Announce()
    {
        var details = Details();
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new AgentFeedItem(details)]);
        return details;
    }

    private void RequireRegistered()
    {
        if (State.Profile is null)
            throw new DomainException(DomainErrorKind.NotFound, "This agent does not exist.");
    }

    private AgentDetails Details()
    {
        var p = State.Profile!;
        return new AgentDetails(Key.WorkspaceId, Key.AgentId, p.DisplayName, p.Email, p.Role, p.ChatCapacity, State.Status, State.StatusSince);
    }
}
