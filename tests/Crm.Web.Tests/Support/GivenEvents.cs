using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.EventSourcing;
using Crm.Silo.Infrastructure.EventStore;

namespace Crm.Web.Tests.Support;

/// <summary>
/// Appends events straight to a running node's SQLite event store, as another node sharing the store would: the
/// "given events" of a test, stamped with the times and actors the test chooses (past dates no other test uses, data
/// in a workspace no user can reach, names no sign-up form would take).
/// </summary>
public sealed class GivenEvents(string dataPath) : IAsyncDisposable
{
    private readonly SqliteEventStore _store = new(new EventStoreOptions { DataPath = dataPath });

    public Task AppendAsync(string streamId, params DomainEvent[] events) =>
        _store.AppendAsync(streamId, ExpectedVersion.Any, [.. events.Select(EventSerializer.ToEventData)]);

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
