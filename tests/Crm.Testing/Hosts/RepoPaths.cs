namespace Crm.Testing.Hosts;

/// <summary>Finds the repository and the built app binaries from a test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the same configuration the tests were built with.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The built entry assembly of a src project, e.g. <c>AppDll("Crm.Web")</c>.</summary>
    public static string AppDll(string project)
    {
        var dll = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", $"{project}.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is missing: build the solution first (dotnet build Crm.sln -c {Configuration}).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Crm.sln above {AppContext.BaseDirectory}.");
    }
}
