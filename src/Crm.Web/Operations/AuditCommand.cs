using Crm.Silo.Hosting;

namespace Crm.Web.Operations;

/// <summary>
/// <c>verify-audit</c>: recomputes every workspace's audit hash chain from the configured event store and reports the
/// first broken link, or that the chain holds (<see cref="AuditVerification"/> does the work). No web host, no silo.
/// Exit codes: 0 the chain holds, 1 it is broken, 2 the store could not be read.
/// </summary>
internal static class AuditCommand
{
    public const string Name = "verify-audit";

    /// <param name="args">The whole command line; anything after the command name overrides configuration (--Crm:DataPath=...).</param>
    public static Task<int> RunAsync(string[] args) =>
        AuditVerification.RunAsync(OperatorConfiguration.Build(args.Skip(1).ToArray()), Console.Out, Console.Error);
}
