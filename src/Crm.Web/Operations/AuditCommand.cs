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
        AuditVerification.RunAsync(BuildConfiguration(args.Skip(1).ToArray()), Console.Out, Console.Error);

    /// <summary>
    /// The app's own configuration sources, in the app's order: appsettings.json and appsettings.{environment}.json from
    /// the current directory (the app's content root), environment variables, then the command line.
    /// </summary>
    private static IConfiguration BuildConfiguration(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environments.Production;
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }
}
