using System.Diagnostics;
using Crm.Testing.Hosts;
using Crm.Testing.Servers;

namespace Crm.Web.Tests.Support;

/// <summary>
/// Runs deploy/local-cluster.sh against a temp state folder and free ports, with the binaries the tests were built
/// with (no build of its own), so it never touches a developer's ./.local-cluster or ports 5001/5002.
/// </summary>
public sealed class LocalClusterScript : IDisposable
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(120);
    private readonly TempFolder _state = new("local-cluster");

    public LocalClusterScript()
    {
        var ports = DistinctFreePorts(9);
        WebPorts = [ports[0], ports[1]];
        Environment = new Dictionary<string, string?>
        {
            ["CRM_LOCAL_CLUSTER_DIR"] = _state.Path,
            ["CRM_CONFIGURATION"] = RepoPaths.Configuration,
            ["CRM_SKIP_BUILD"] = "1",
            ["CRM_DEMO_PASSWORD"] = CrmProcess.DemoPassword,
            ["CRM_WEB_PORTS"] = $"{ports[0]} {ports[1]}",
            ["CRM_SILO_HTTP_PORTS"] = $"{ports[2]} {ports[3]}",
            ["CRM_SILO_PORTS"] = $"{ports[4]} {ports[5]}",
            ["CRM_GATEWAY_PORTS"] = $"{ports[6]} {ports[7]}",
            ["CRM_REDIS_PORT"] = ports[8].ToString(),
            // Whatever the developer's shell has: this run starts its own Redis and uses the SQLite store.
            ["CRM_REDIS"] = null,
            ["ConnectionStrings__CrmPostgres"] = null,
        };
    }

    public int[] WebPorts { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public string StateFolder => _state.Path;

    public Uri WebNode(int index) => new($"http://127.0.0.1:{WebPorts[index]}/");

    /// <summary>The pids the script recorded (pids/*.pid), by process name.</summary>
    public IReadOnlyDictionary<string, int> RecordedPids()
    {
        var folder = Path.Combine(_state.Path, "pids");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.pid").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => int.Parse(File.ReadAllText(f).Trim()))
            : new Dictionary<string, int>();
    }

    /// <summary>Runs <c>bash deploy/local-cluster.sh {command}</c>; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepoPaths.Root, "deploy", "local-cluster.sh"));
        startInfo.ArgumentList.Add(command);
        foreach (var (key, value) in Environment)
        {
            if (value is null) startInfo.Environment.Remove(key);
            else startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(CommandDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"local-cluster.sh {command} did not finish within {CommandDeadline.TotalSeconds:0} s.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count) ports.Add(FreePort.Next());
        return [.. ports];
    }

    /// <summary>Whether the pid is a live process (a zombie waiting to be reaped counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Last resort after a failed test: nothing the script started may outlive the test run.</summary>
    public void KillLeftovers()
    {
        foreach (var pid in RecordedPids().Values.Where(IsAlive))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    public void Dispose() => _state.Dispose();
}
