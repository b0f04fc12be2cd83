namespace Crm.Web.Operations;

/// <summary>The configuration an operator command reads: the app's own sources, without a host.</summary>
internal static class OperatorConfiguration
{
    /// <summary>
    /// The app's own configuration sources, in the app's order: appsettings.json and appsettings.{environment}.json from
    /// the current directory (the app's content root), environment variables, then the command line.
    /// </summary>
    public static IConfiguration Build(string[] args)
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
