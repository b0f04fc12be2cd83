using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

public sealed class EventStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-eventstore-di-{Guid.NewGuid():N}");

    [Fact]
    public async Task AddCrmEventStore_DefaultProvider_ResolvesSqliteStoreUnderDataPath()
    {
        await using var services = Build(new() { ["Crm:DataPath"] = folder });

        var store = services.GetRequiredService<IEventStore>();

        var sqlite = Assert.IsType<SqliteEventStore>(store);
        Assert.Equal(Path.Combine(folder, "events.db"), sqlite.DatabasePath);
        Assert.Same(store, services.GetRequiredService<IEventStore>());
    }

    [Fact]
    public async Task AddCrmEventStore_CommitSignal_IsTheStoresOwnAndRaisedByItsCommits()
    {
        await using var services = Build(new() { ["Crm:DataPath"] = folder });
        var store = services.GetRequiredService<IEventStore>();

        var signal = services.GetRequiredService<ICommitSignal>();
        var result = await store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, [new EventData(Guid.NewGuid(), "T", "{}", "agent:1", DateTimeOffset.UtcNow)]);

        Assert.Same(((SqliteEventStore)store).CommitSignal, signal);
        Assert.Equal(result.LastPosition, signal.Head);
    }

    [Fact]
    public void AddCrmEventStore_NoDataPath_DefaultsToDataFolderInCurrentDirectory()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<EventStoreOptions>>().Value;

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "events.db"), options.SqliteDatabasePath);
    }

    [Fact]
    public void AddCrmEventStore_PostgresWithoutConnectionString_FailsWithMessageNamingTheKey()
    {
        using var services = Build(new() { ["Crm:EventStore:Provider"] = "Postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IEventStore>());

        Assert.Contains("ConnectionStrings:CrmPostgres", error.Message);
    }

    [Fact]
    public void AddCrmEventStore_PostgresWithConnectionString_BindsProviderAndConnectionString()
    {
        using var services = Build(new()
        {
            ["Crm:EventStore:Provider"] = "postgres",
            ["Crm:EventStore:MaxBatchAppends"] = "250",
            ["ConnectionStrings:CrmPostgres"] = "Host=127.0.0.1;Database=crm",
        });

        var options = services.GetRequiredService<IOptions<EventStoreOptions>>().Value;

        Assert.Equal(EventStoreProvider.Postgres, options.Provider);
        Assert.Equal(250, options.MaxBatchAppends);
        Assert.Equal("Host=127.0.0.1;Database=crm", options.ConnectionString);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCrmEventStore(configuration).BuildServiceProvider();
    }
}
