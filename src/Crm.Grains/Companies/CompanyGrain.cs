using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Attributes;
using Crm.Grains.Companies.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Companies;

public sealed class CompanyGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<CompanyState>(store, clock), ICompanyGrain
{
    private (string WorkspaceId, string CompanyId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.CompanyCategory, Key.WorkspaceId, Key.CompanyId);

    public async Task<CompanyDetails> SaveAsync(SaveCompany command)
    {
        var name = CompanyRules.RequireName(command.Name);
        var domain = CompanyRules.Domain(command.Domain);
        var owner = command.OwnerId is null ? null : Ids.Require(command.OwnerId, "owner");
        var events = new List<DomainEvent>();
        var saved = new CompanySaved(name, domain, owner);
        if (State.Profile is not { } p || p with { At = default, By = "" } != saved) events.Add(saved);

        var parent = command.ParentId is null ? null : Ids.Require(command.ParentId, "parent company");
        if (parent != State.ParentId)
        {
            if (parent is not null) await RequireParentAsync(parent);
            events.Add(new CompanyParentChanged(parent));
        }
        if (command.Attributes is { Count: > 0 } values)
        {
            var definitions = (await GrainFactory.GetGrain<IAttributeSchemaGrain>(Key.WorkspaceId).GetAsync()).For(AttributeTarget.Company);
            var (set, removed) = AttributeRules.Changes(definitions, State.Attributes, values);
            if (set.Count + removed.Count > 0) events.Add(new CompanyAttributesChanged(set, removed));
        }
        if (events.Count > 0) await RaiseAsync(command.Actor, [.. events]);
        return State.ToDetails(Key.WorkspaceId, Key.CompanyId);
    }

    public Task<CompanyDetails> GetDetailsAsync() =>
        State.Profile is null
            ? throw new DomainException(DomainErrorKind.NotFound, "This company does not exist.")
            : Task.FromResult(State.ToDetails(Key.WorkspaceId, Key.CompanyId));

    /// <summary>
    /// The parent exists and does not sit below this company. Checked on the workspace directory, which reads up to the
    /// store's head first; two saves at the same moment that each close half a cycle are not caught (see README).
    /// </summary>
    private async Task RequireParentAsync(string parentId)
    {
        if (parentId == Key.CompanyId) throw Invalid("A company cannot be its own parent.");
        var chain = await GrainFactory.GetGrain<ICrmDirectoryGrain>(Key.WorkspaceId).GetCompanyChainAsync(parentId);
        if (chain.Count == 0) throw Invalid($"There is no company '{parentId}' in this workspace.");
        if (chain.Contains(Key.CompanyId)) throw Invalid($"'{parentId}' belongs to this company already: a parent cannot also be a child.");
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
