using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Testing.Servers;

namespace Crm.Testing.Hosts;

/// <summary>
/// A real Crm.Web or Crm.Silo process on free loopback ports, as a user would run it. Its output is kept for the
/// failure message. <see cref="Kill"/> ends it like a crash (no graceful shutdown); dispose stops it.
/// </summary>
public sealed class CrmProcess : IAsyncDisposable
{
    public const string DemoPassword = "Test-Password-2026";
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CrmProcess(string project, int httpPort, IReadOnlyDictionary<string, string> environment)
    {
        Project = project;
        HttpPort = httpPort;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.AppDll(project))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepoPaths.AppDll(project));
        foreach (var (key, value) in environment) startInfo.Environment[key] = value;
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Project { get; }
    public int HttpPort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the app with <paramref name="settings"/> (configuration keys such as "Crm:DataPath") and waits until
    /// /health/ready answers 200. Silo and gateway ports are always fresh, so tests never collide on 11111/30000.
    /// </summary>
    public static async Task<CrmProcess> StartAsync(string project, IReadOnlyDictionary<string, string?> settings)
    {
        // A port checked free can still be bound by another test process before this one binds it (FreePort keeps
        // clear of the OS's ephemeral range, which makes that rare, not impossible): then, and only then, fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreshPortsAsync(project, settings);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<CrmProcess> StartOnFreshPortsAsync(string project, IReadOnlyDictionary<string, string?> settings)
    {
        var httpPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["DOTNET_NOLOGO"] = "1",
            ["Crm__Demo__Password"] = DemoPassword,
            // The four sample conversations and a manual support queue, which the tests' data builds on; the 30 days of
            // history and the routed queues cost a test host seconds it does not need. A test that wants them sets true.
            ["Crm__Demo__History"] = "false",
            ["Crm__Cluster__SiloPort"] = FreePort.Next().ToString(),
            ["Crm__Cluster__GatewayPort"] = FreePort.Next().ToString(),
        };
        foreach (var (key, value) in settings)
            if (value is not null) environment[key.Replace(":", "__")] = value;
        // A test node lives for seconds. The hosts' runtimeconfig compiles hot methods optimized at once (for long-lived
        // nodes under load: CONTRIBUTING, "Warm-up"), which in a node this short-lived is only more JIT work: the hosting
        // tests took half as long again with it. Test nodes get the runtime's default back (100 ms, written in hex);
        // a node started as deployed (Production: the benchmarks) keeps the hosts' setting.
        if (environment["ASPNETCORE_ENVIRONMENT"] != "Production") environment.TryAdd("DOTNET_TC_CallCountingDelayMs", "64");

        var process = new CrmProcess(project, httpPort, environment);
        try
        {
            await process.WaitUntilReadyAsync();
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process at once, as a crash or `kill -9` would: nothing is flushed or stopped gracefully.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyDeadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // lets the redirected output drain, so the message and the check see its last lines
                var message = $"{Project} exited with code {_process.ExitCode} before it was ready:\n{Tail()}";
                throw Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(message)
                    : new InvalidOperationException(message);
            }
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Project} was not ready within {ReadyDeadline.TotalSeconds:0} s:\n{Tail()}");
    }

    private string Tail() => string.Join('\n', _output.TakeLast(60));

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 2_000) _output.TryDequeue(out _);
    }
}

/// <summary>The process could not bind a port it was given: another process took it after it was checked free.</summary>
public sealed class PortTakenException(string message) : InvalidOperationException(message);
