using Npgsql;
using Xunit;

namespace Crm.Testing.Servers;

/// <summary>
/// A throwaway PostgreSQL server in a temp folder on a free port, for a whole test class (use it as a collection
/// fixture). Tests isolate themselves with <see cref="CreateDatabaseAsync"/>. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string DebianPackage = "postgresql";
    private const string BinariesGlob = "/usr/lib/postgresql/*/bin";
    private const string SystemUser = "postgres";

    private string? binaries;
    private string? root;

    public int Port { get; private set; }

    /// <summary>Connection string of the server's <c>postgres</c> database, as the <c>postgres</c> superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SystemUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionStringFor(name);
    }

    public async Task InitializeAsync()
    {
        binaries = FindBinaries();
        root = Path.Combine(Path.GetTempPath(), $"crm-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");

        // initdb and pg_ctl refuse to run as root: the folder goes to the postgres user, who runs them.
        if (ServerProcess.IsRoot)
        {
            await ServerProcess.RunAsync("chown", [$"{SystemUser}:{SystemUser}", root], TimeSpan.FromSeconds(10));
        }

        await RunToolAsync("initdb", ["-D", data, "-U", SystemUser, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"], TimeSpan.FromSeconds(60));

        // A port picked as free can be taken before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await RunToolAsync(
                    "pg_ctl",
                    ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start",
                     "-o", $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200"],
                    TimeSpan.FromSeconds(90));
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (root is null)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            root = null;
        }
    }

    private static string FindBinaries()
    {
        // The newest installed major version wins.
        var parent = Path.GetDirectoryName(Path.GetDirectoryName(BinariesGlob)!)!;
        var found = Directory.Exists(parent)
            ? Directory.GetDirectories(parent)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw ServerProcess.Missing("PostgreSQL", $"{BinariesGlob}/pg_ctl", DebianPackage);
    }

    private Task<string> RunToolAsync(string tool, string[] arguments, TimeSpan timeout)
    {
        var path = Path.Combine(binaries!, tool);
        return ServerProcess.IsRoot
            ? ServerProcess.RunAsync("runuser", ["-u", SystemUser, "--", path, .. arguments], timeout)
            : ServerProcess.RunAsync(path, arguments, timeout);
    }
}
