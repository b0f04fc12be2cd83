using Crm.Silo.Infrastructure.Audit;
using Crm.Silo.Infrastructure.EventStore;

namespace Crm.Web.Operations;

/// <summary>
/// <c>verify-audit</c>: recomputes every workspace's audit hash chain from the configured event store and reports the
/// first broken link, or that the chain holds. Reads the store directly: no web host, no silo, no seeding, no writes.
/// Exit codes: 0 the chain holds, 1 it is broken, 2 the store could not be read.
/// </summary>
internal static class AuditCommand
{
    public const string Name = "verify-audit";

    public const int Holds = 0;
    public const int Broken = 1;
    public const int Unreadable = 2;

    /// <param name="args">The whole command line; anything after the command name overrides configuration (--Crm:DataPath=...).</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = OperatorConfiguration.Build(args.Skip(1).ToArray());
        var options = EventStoreOptions.FromConfiguration(configuration);
        var source = options.Provider == EventStoreProvider.Postgres ? "PostgreSQL (ConnectionStrings:CrmPostgres)" : options.SqliteDatabasePath;
        Console.WriteLine($"verifying the audit chain of the {options.Provider} event store at {source}");

        AuditReport report;
        try
        {
            await using var reader = await AuditChainReaders.OpenAsync(options).ConfigureAwait(false);
            report = await AuditVerifier.VerifyAsync(reader).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever kept the store from being read (missing file, server down, not an event store) is not a verdict.
            await Console.Error.WriteLineAsync($"cannot read the event store: {exception.Message}").ConfigureAwait(false);
            return Unreadable;
        }

        foreach (var workspace in report.Workspaces)
        {
            var beforeChain = workspace.EventsBeforeChain > 0 ? $", {workspace.EventsBeforeChain} earlier events predate the chain (not verifiable)" : string.Empty;
            var verdict = workspace.Break is { } broken ? $"BROKEN at position {broken.Position}: {broken.Description}" : "chain holds";
            Console.WriteLine($"workspace {workspace.Workspace}: {workspace.EventsChecked} events checked{beforeChain}, {verdict}");
        }

        var beforeChainTotal = report.EventsBeforeChain > 0 ? $" ({report.EventsBeforeChain} events predate the chain)" : string.Empty;
        if (report.Holds)
        {
            Console.WriteLine($"audit chain holds: {report.EventsChecked} events in {report.Workspaces.Count} workspaces checked{beforeChainTotal}");
            return Holds;
        }

        foreach (var workspace in report.Workspaces.Where(w => !w.Holds))
        {
            var broken = workspace.Break!;
            Console.WriteLine(
                $"audit chain BROKEN in workspace {workspace.Workspace} at position {broken.Position} " +
                $"(stream {broken.StreamId}, version {broken.Version}): {broken.Description}; {broken.Detail}");
        }

        return Broken;
    }
}
