using System.Diagnostics;
using System.Text.Json;
using Crm.Testing.Hosts;

namespace Crm.Web.Tests.Security;

/// <summary>What <c>Crm.Web authorization-matrix</c> prints: who each policy admits, and every surface with its policies.</summary>
public sealed record AuthorizationReport(IReadOnlyDictionary<string, string[]> Policies, IReadOnlyList<AuthorizationReport.Surface> Surfaces)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Surface(string Kind, string Route, string[] Methods, string[] Parameters, string[] Policies)
    {
        public override string ToString() => $"{Kind} {string.Join(',', Methods)} {Route} [{string.Join(", ", Policies)}]";
    }

    /// <summary>A caller passes a surface only if every policy on it admits them (a hub's and its method's both apply).</summary>
    public bool Admits(Surface surface, string caller) =>
        surface.Policies.Length > 0 && surface.Policies.All(p => Policies[p].Contains(caller, StringComparer.OrdinalIgnoreCase));

    public static async Task<AuthorizationReport> ReadAsync(string dataPath)
    {
        var dll = RepoPaths.AppDll("Crm.Web");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        startInfo.ArgumentList.Add("authorization-matrix");
        startInfo.Environment["Crm__DataPath"] = dataPath;
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        var text = await stdout;
        return JsonSerializer.Deserialize<AuthorizationReport>(text, Json)
            ?? throw new InvalidOperationException($"authorization-matrix printed nothing: {await stderr}");
    }
}
