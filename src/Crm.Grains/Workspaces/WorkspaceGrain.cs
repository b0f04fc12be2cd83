using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.EventSourcing;
using Crm.Grains.Workspaces.Events;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Workspaces;

public sealed class WorkspaceGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<WorkspaceState>(store, clock), IWorkspaceGrain
{
    protected override string StreamId => StreamIds.Workspace(this.GetPrimaryKeyString());

    public async Task<WorkspaceDetails> CreateAsync(CreateWorkspace command)
    {
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            throw new DomainException(DomainErrorKind.Invalid, "A workspace name must be 1–100 characters.");
        if (State.Created is { } created)
        {
            return created.Name == name
                ? Details()
                : throw new DomainException(DomainErrorKind.Conflict, $"Workspace '{this.GetPrimaryKeyString()}' already exists.");
        }

        await RaiseAsync(command.Actor, new WorkspaceCreated(name));
        return Details();
    }

    public Task<WorkspaceDetails?> FindAsync() => Task.FromResult(State.Created is null ? null : Details());

    public async Task<WorkspaceSlaDetails> ConfigureSlaAsync(ConfigureSla command)
    {
        var (calendar, policy) = WorkspaceSlaRules.Require(command.Calendar, command.Policy);
        if (State.Created is null)
            throw new DomainException(DomainErrorKind.NotFound, $"Workspace '{this.GetPrimaryKeyString()}' does not exist.");
        if (State.Sla is not { } current || current.Calendar != calendar || current.Policy != policy)
            await RaiseAsync(command.Actor, new WorkspaceSlaConfigured(calendar, policy));
        return SlaDetails();
    }

    public Task<WorkspaceSlaDetails> GetSlaAsync() => Task.FromResult(SlaDetails());

    public async Task RecordAccessChangeAsync(RecordAccessChange command)
    {
        static string Require(string? value, string what, int max) => value?.Trim() is { Length: > 0 } v && v.Length <= max
            ? v
            : throw new DomainException(DomainErrorKind.Invalid, $"An access change needs a {what} of 1–{max} characters.");
        await RaiseAsync(command.Actor, new WorkspaceAccessChanged(
            Require(command.Subject, "subject", 256), Require(command.Setting, "setting", 50), Require(command.Value, "value", 100)));
    }

    private WorkspaceDetails Details() => new(this.GetPrimaryKeyString(), State.Created!.Name, State.Created.At);

    private WorkspaceSlaDetails SlaDetails() => State.Sla is { } sla
        ? new(this.GetPrimaryKeyString(), sla.Calendar, sla.Policy, sla.At, sla.By)
        : new(this.GetPrimaryKeyString(), SlaDefaults.Calendar, SlaDefaults.Policy);
}
