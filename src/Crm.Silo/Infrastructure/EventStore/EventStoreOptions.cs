using Microsoft.Extensions.Configuration;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// Event store settings. <see cref="Provider"/> and <see cref="MaxBatchAppends"/> bind from <c>Crm:EventStore</c>;
/// <see cref="DataPath"/> comes from <c>Crm:DataPath</c> and <see cref="ConnectionString"/> from
/// <c>ConnectionStrings:CrmPostgres</c>, because other adapters share those two keys.
/// </summary>
public sealed class EventStoreOptions
{
    public const string SectionName = "Crm:EventStore";
    public const string DataPathKey = "Crm:DataPath";
    public const string ConnectionStringName = "CrmPostgres";
    public const string DefaultDataPath = "./data";
    public const string SqliteFileName = "events.db";
    public const string SnapshotsFileName = "snapshots.db";
    public const string DirectoryFileName = "directory.db";

    public EventStoreProvider Provider { get; set; } = EventStoreProvider.Sqlite;

    /// <summary>Folder of the SQLite file; a relative path is resolved against the current directory.</summary>
    public string DataPath { get; set; } = DefaultDataPath;

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Most appends one group commit carries. Bounds a transaction's duration, and so the latency of
    /// the callers that queue up behind it, while still amortising one fsync over many appends.
    /// </summary>
    public int MaxBatchAppends { get; set; } = 1_000;

    /// <summary>The SQLite file: <c>{DataPath}/events.db</c>, absolute.</summary>
    public string SqliteDatabasePath => Path.Combine(Path.GetFullPath(DataPath), SqliteFileName);

    /// <summary>Projection snapshots on SQLite: <c>{DataPath}/snapshots.db</c>, absolute (see SqliteSnapshotStore).</summary>
    public string SqliteSnapshotsPath => Path.Combine(Path.GetFullPath(DataPath), SnapshotsFileName);

    /// <summary>The CRM directory's customers on SQLite: <c>{DataPath}/directory.db</c>, absolute (see SqliteCustomerTable).</summary>
    public string SqliteDirectoryPath => Path.Combine(Path.GetFullPath(DataPath), DirectoryFileName);

    /// <summary>
    /// The options as the app binds them, for tools that read the store without a host (verify-audit).
    /// Not validated here; the caller reports what is missing.
    /// </summary>
    public static EventStoreOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new EventStoreOptions();
        configuration.GetSection(SectionName).Bind(options);
        ApplySharedKeys(options, configuration);
        return options;
    }

    /// <summary>Shared keys, outside the section: other adapters use the same folder and database.</summary>
    internal static void ApplySharedKeys(EventStoreOptions options, IConfiguration configuration)
    {
        options.DataPath = configuration[DataPathKey] is { Length: > 0 } dataPath ? dataPath : DefaultDataPath;
        options.ConnectionString = configuration.GetConnectionString(ConnectionStringName);
    }
}
