using Crm.Silo.Infrastructure.Audit;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Extensions.Configuration;

namespace Crm.Silo.Hosting;

/// <summary>
/// What the <c>verify-audit</c> command runs, the one way into the audit adapters for a host: recomputes every
/// workspace's audit hash chain from the configured event store and reports the first broken link, or that the chain
/// holds. Reads the store directly: no silo, no seeding, no writes, no migration.
/// </summary>
public static class AuditVerification
{
    /// <summary>Exit code: the chain holds.</summary>
    public const int Holds = 0;

    /// <summary>Exit code: the chain is broken somewhere.</summary>
    public const int Broken = 1;

    /// <summary>Exit code: the store could not be read (missing file, server down, not an event store).</summary>
    public const int Unreadable = 2;

    /// <summary>Verifies the store <paramref name="configuration"/> names (as the app binds it), writes the verdict, returns the exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = EventStoreOptions.FromConfiguration(configuration);
        var source = options.Provider == EventStoreProvider.Postgres ? "PostgreSQL (ConnectionStrings:CrmPostgres)" : options.SqliteDatabasePath;
        await output.WriteLineAsync($"verifying the audit chain of the {options.Provider} event store at {source}").ConfigureAwait(false);

        AuditReport report;
        try
        {
            await using var reader = await AuditChainReaders.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            report = await AuditVerifier.VerifyAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            // Whatever kept the store from being read is not a verdict.
            await errors.WriteLineAsync($"cannot read the event store: {exception.Message}").ConfigureAwait(false);
            return Unreadable;
        }

        foreach (var workspace in report.Workspaces)
        {
            var beforeChain = workspace.EventsBeforeChain > 0 ? $", {workspace.EventsBeforeChain} earlier events predate the chain (not verifiable)" : string.Empty;
            var verdict = workspace.Break is { } broken ? $"BROKEN at position {broken.Position}: {broken.Description}" : "chain holds";
            await output.WriteLineAsync($"workspace {workspace.Workspace}: {workspace.EventsChecked} events checked{beforeChain}, {verdict}").ConfigureAwait(false);
        }

        var beforeChainTotal = report.EventsBeforeChain > 0 ? $" ({report.EventsBeforeChain} events predate the chain)" : string.Empty;
        if (report.Holds)
        {
            await output.WriteLineAsync($"audit chain holds: {report.EventsChecked} events in {report.Workspaces.Count} workspaces checked{beforeChainTotal}").ConfigureAwait(false);
            return Holds;
        }

        foreach (var workspace in report.Workspaces.Where(w => !w.Holds))
        {
            var broken = workspace.Break!;
            await output.WriteLineAsync(
                $"audit chain BROKEN in workspace {workspace.Workspace} at position {broken.Position} " +
                $"(stream {broken.StreamId}, version {broken.Version}): {broken.Description}; {broken.Detail}").ConfigureAwait(false);
        }

        return Broken;
    }
}
