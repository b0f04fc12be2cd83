using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Preferences;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.Preferences.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Preferences;

public sealed class UserPreferencesGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<UserPreferencesState>(store, clock), IUserPreferencesGrain
{
    protected override string StreamId
    {
        get
        {
            var (workspaceId, agentId) = GrainKeys.Parse(this.GetPrimaryKeyString());
            return StreamIds.For(StreamIds.PreferencesCategory, workspaceId, agentId);
        }
    }

    public Task<UserPreferences> GetAsync() => Task.FromResult(State.Current);

    public async Task<UserPreferences> SetAsync(SetUserPreferences command)
    {
        var wanted = command.Preferences ?? throw new DomainException(DomainErrorKind.Invalid, "Send the preferences.");
        if (!Enum.IsDefined(wanted.Theme))
            throw new DomainException(DomainErrorKind.Invalid, $"'{wanted.Theme}' is not a theme; use system, light or dark.");
        if (wanted != State.Current)
            await RaiseAsync(command.Actor, new UserPreferencesChanged(wanted.Theme.ToString(), wanted.BrowserNotifications, wanted.Sound));
        return State.Current;
    }

    public Task<PaneLayout> GetLayoutAsync() => Task.FromResult(State.Layout);

    public async Task<PaneLayout> SetLayoutAsync(SetPaneLayout command)
    {
        var wanted = command.Layout ?? throw new DomainException(DomainErrorKind.Invalid, "Send the layout.");
        if (wanted.Problem() is { } problem) throw new DomainException(DomainErrorKind.Invalid, problem);
        if (wanted != State.Layout)
            await RaiseAsync(command.Actor, new PaneLayoutChanged(wanted.ListWidth, wanted.ContextWidth, wanted.ListFolded, wanted.ContextFolded));
        return State.Layout;
    }
}
