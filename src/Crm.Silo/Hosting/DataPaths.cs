using Microsoft.Extensions.Configuration;

namespace Crm.Silo.Hosting;

/// <summary>The data folder ("Crm:DataPath", env Crm__DataPath, default ./data): event store, logs, identity, keys.</summary>
public static class DataPaths
{
    public const string Key = "Crm:DataPath";
    public const string Default = "./data";

    public static string Root(IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration[Key] is { Length: > 0 } configured ? configured : Default);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string Combine(IConfiguration configuration, params string[] parts) =>
        Path.Combine([Root(configuration), .. parts]);
}
