namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>Which database holds the event log: a SQLite file (single node) or PostgreSQL (cluster).</summary>
public enum EventStoreProvider
{
    Sqlite,
    Postgres,
}
