using Crm.Testing.Servers;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>One PostgreSQL server for every test in the collection; each test creates its own database on it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
