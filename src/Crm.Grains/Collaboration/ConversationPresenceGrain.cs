using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Collaboration;

/// <summary>
/// Viewers and typists of one conversation, in memory. Every change that a person would notice (someone arrives,
/// leaves, starts or stops typing) is published on the live feed; a sweep timer removes lapsed leases, and the grain
/// lets itself be collected once nobody is left.
/// </summary>
public sealed class ConversationPresenceGrain([FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IConversationPresenceGrain
{
    private readonly Dictionary<string, (Participant Who, DateTimeOffset SeenUntil, DateTimeOffset TypingUntil)> _sessions = [];
    private IReadOnlyList<PresentPerson> _published = [];
    private long _version;
    private IGrainTimer? _sweep;

    private (string WorkspaceId, string ConversationId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public Task<ConversationPresence> HeartbeatAsync(Participant participant)
    {
        var now = clock.GetUtcNow();
        var typingUntil = _sessions.TryGetValue(participant.SessionId, out var known) ? known.TypingUntil : DateTimeOffset.MinValue;
        _sessions[participant.SessionId] = (participant, now + PresenceTimings.ViewerLease, typingUntil);
        EnsureSweeping();
        return Task.FromResult(PublishIfChanged());
    }

    public Task SetTypingAsync(Participant participant, bool isTyping)
    {
        var now = clock.GetUtcNow();
        _sessions[participant.SessionId] = (participant, now + PresenceTimings.ViewerLease, isTyping ? now + PresenceTimings.TypingLease : DateTimeOffset.MinValue);
        EnsureSweeping();
        PublishIfChanged();
        return Task.CompletedTask;
    }

    public Task LeaveAsync(string sessionId)
    {
        if (_sessions.Remove(sessionId)) PublishIfChanged();
        return Task.CompletedTask;
    }

    public Task<ConversationPresence> GetAsync() => Task.FromResult(Snapshot(Current()));

    private void EnsureSweeping() =>
        _sweep ??= this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(PresenceTimings.SweepEvery, PresenceTimings.SweepEvery) { KeepAlive = true });

    private Task Sweep(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var lapsed in _sessions.Where(s => s.Value.SeenUntil < now).Select(s => s.Key).ToList())
            _sessions.Remove(lapsed);
        PublishIfChanged();
        if (_sessions.Count == 0)
        {
            // Nobody left: stop the timer and let the activation be collected.
            _sweep?.Dispose();
            _sweep = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>People, with tabs merged and typing lapsed by time; published only when what people see changed.</summary>
    private ConversationPresence PublishIfChanged()
    {
        var current = Current();
        if (!current.SequenceEqual(_published))
        {
            _published = current;
            _version++;
            _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(ILiveFeedPublisherGrain.Partition(Key.ConversationId)).PublishAsync([new PresenceFeedItem(Snapshot(current))]);
        }
        return Snapshot(current);
    }

    private IReadOnlyList<PresentPerson> Current()
    {
        var now = clock.GetUtcNow();
        return _sessions.Values
            .GroupBy(s => (s.Who.Kind, s.Who.Id))
            .Select(g => new PresentPerson(g.Key.Kind, g.Key.Id, g.First().Who.DisplayName, g.Any(s => s.TypingUntil > now)))
            .OrderBy(p => p.Kind).ThenBy(p => p.DisplayName, StringComparer.Ordinal)
            .ToList();
    }

    private ConversationPresence Snapshot(IReadOnlyList<PresentPerson> people) => new(Key.WorkspaceId, Key.ConversationId, people, _version);
}
