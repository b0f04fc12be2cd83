using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>
/// The connections of one hub and the groups (<see cref="HubGroups"/>) they joined, each connection with its own
/// <see cref="ConnectionOutbox{TClient}"/>. Used instead of SignalR's groups for live pushes: a group send in SignalR
/// waits for its slowest member, a push here only queues per member.
/// </summary>
public sealed class HubMembers<THub, TClient>(IHubContext<THub, TClient> hub, ILogger<HubMembers<THub, TClient>> logger)
    where THub : Hub<TClient> where TClient : class
{
    private readonly ConcurrentDictionary<string, ConnectionOutbox<TClient>> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ConnectionOutbox<TClient>>> _groups = new(StringComparer.Ordinal);

    /// <summary>Called from the hub's OnConnectedAsync.</summary>
    public void Connect(HubCallerContext context) =>
        _connections.TryAdd(context.ConnectionId, new ConnectionOutbox<TClient>(context, hub.Clients.Client(context.ConnectionId), logger));

    /// <summary>Called from the hub's OnDisconnectedAsync: leaves every group and stops the connection's loop.</summary>
    public void Disconnect(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var outbox)) return;
        lock (outbox.Groups)
        {
            foreach (var group in outbox.Groups) RemoveMember(group, connectionId);
            outbox.Groups.Clear();
        }
        outbox.Close();
    }

    public void Join(string connectionId, string group)
    {
        if (!_connections.TryGetValue(connectionId, out var outbox)) return;
        lock (outbox.Groups) outbox.Groups.Add(group);
        while (true)
        {
            var members = _groups.GetOrAdd(group, _ => new(StringComparer.Ordinal));
            members[connectionId] = outbox;
            // Lost if the last member left and dropped this very set in between: then join the new one.
            if (_groups.TryGetValue(group, out var current) && ReferenceEquals(current, members)) return;
        }
    }

    /// <summary>Cuts every connection over (aborts it, so its client reconnects and gap-fills): when this node's own relay fell behind.</summary>
    public void CutOverAll()
    {
        foreach (var outbox in _connections.Values) outbox.CutOver();
    }

    public void Leave(string connectionId, string group)
    {
        if (_connections.TryGetValue(connectionId, out var outbox))
            lock (outbox.Groups) outbox.Groups.Remove(group);
        RemoveMember(group, connectionId);
    }

    /// <summary>Queues the push for every member of <paramref name="group"/>; returns at once.</summary>
    public void Push(string group, Func<TClient, Task> push)
    {
        if (!_groups.TryGetValue(group, out var members)) return;
        foreach (var outbox in members.Values) outbox.Offer(push);
    }

    /// <summary>As <see cref="Push(string, Func{TClient, Task})"/> for several groups; a member of two gets it once.</summary>
    public void Push(string first, string second, Func<TClient, Task> push)
    {
        Push(first, push);
        if (!_groups.TryGetValue(second, out var members)) return;
        var firstMembers = _groups.GetValueOrDefault(first);
        foreach (var (connectionId, outbox) in members)
            if (firstMembers?.ContainsKey(connectionId) != true) outbox.Offer(push);
    }

    private void RemoveMember(string group, string connectionId)
    {
        if (!_groups.TryGetValue(group, out var members)) return;
        members.TryRemove(connectionId, out _);
        // An empty group is dropped; one that a Join refilled in between stays, because only the empty value is removed.
        if (members.IsEmpty) _groups.TryRemove(KeyValuePair.Create(group, members));
    }
}
