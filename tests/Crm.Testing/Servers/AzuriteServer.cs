using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Crm.Testing.Hosts;
using Xunit;

namespace Crm.Testing.Servers;

/// <summary>
/// A throwaway Azurite blob service (the Azure Storage emulator) in a temp folder on a free port, for a whole test class
/// (use it as a collection fixture). Azurite is an npm package pinned by tests/azurite/package-lock.json; .ci/run installs it,
/// and this fixture runs <c>npm ci</c> there itself when node_modules is missing, so a fresh clone with Node.js and npm needs
/// no extra step. Tests isolate themselves with a container of their own. Stopped and deleted on dispose.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account; the key is public and only opens the emulator.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder output = new();
    private Process? process;
    private string? root;

    /// <summary>The folder of the npm package that pins Azurite.</summary>
    public static string PackageFolder => Path.Combine(RepoPaths.Root, "tests", "azurite");

    public int Port { get; private set; }

    /// <summary>Connection string for Azure.Storage.Blobs, with the blob endpoint on this server.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public async Task InitializeAsync()
    {
        var node = FindOnPath("node") ?? throw NodeMissing("node");
        var script = await EnsureInstalledAsync();
        root = Path.Combine(Path.GetTempPath(), $"crm-azurite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);

        // A port picked as free can be taken before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            Start(node, script);
            if (await WaitUntilListeningAsync())
            {
                return;
            }

            await StopAsync();
            if (attempt == 3)
            {
                throw Unavailable($"azurite-blob did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds:0} s. Output:\n{Output()}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (root is not null)
        {
            Directory.Delete(root, recursive: true);
            root = null;
        }
    }

    /// <summary>Returns the azurite-blob script, running <c>npm ci</c> first when the package is not installed yet.</summary>
    private static async Task<string> EnsureInstalledAsync()
    {
        var folder = PackageFolder;
        var script = Path.Combine(folder, "node_modules", ".bin", "azurite-blob");
        if (File.Exists(script))
        {
            return script;
        }

        var npm = FindOnPath("npm") ?? throw NodeMissing("npm");

        // Two test processes may start at once on a fresh clone; one installs while the other waits for it.
        await using var installLock = await AcquireInstallLockAsync();
        if (!File.Exists(script))
        {
            try
            {
                await ServerProcess.RunAsync(npm, ["ci", "--prefix", folder, "--no-audit", "--no-fund"], InstallTimeout);
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                throw Unavailable($"'npm ci' in {folder} failed, so Azurite is not installed:\n{exception.Message}");
            }
        }

        return File.Exists(script)
            ? script
            : throw Unavailable($"'npm ci' in {folder} finished but {script} is missing; check tests/azurite/package.json.");
    }

    private static async Task<FileStream> AcquireInstallLockAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "crm-azurite-npm-ci.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                // Left behind on close, never deleted: deleting it could let two processes lock two different files of one name.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private void Start(string node, string script)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root!,
        };
        foreach (var argument in new[]
                 {
                     script, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", root!,
                     "--silent", "--disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        lock (output)
        {
            output.Clear();
        }

        process = Process.Start(startInfo) ?? throw Unavailable($"Could not start '{node} {script}'.");
        // Drained continuously: a full pipe would block the server. Kept for the error message when it fails to start.
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task<bool> WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && process is { HasExited: false })
        {
            try
            {
                using var client = new TcpClient();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
                return true;
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        return false;
    }

    private async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(deadline.Token);
            }
        }
        finally
        {
            process.Dispose();
            process = null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.Length == 0 ? "(none)" : output.ToString();
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// A missing emulator fails the fixture, never skips: xUnit 2 cannot skip at run time, and a blob-store contract that
    /// silently does not run against Azure's protocol would pass in CI without testing it.
    /// </summary>
    private static InvalidOperationException NodeMissing(string tool) =>
        Unavailable($"'{tool}' is not on PATH. Azurite runs on Node.js: install the Debian packages 'nodejs' and 'npm' " +
                    "(apt-get install -y nodejs npm) to run these tests.");

    private static InvalidOperationException Unavailable(string reason)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " CI=true: the CI machine must provide Node.js and npm, and .ci/run must install tests/azurite (npm ci) before dotnet test."
            : string.Empty;
        return new InvalidOperationException($"Azurite is unavailable: {reason}{ci}");
    }
}
