using System.Diagnostics;
using System.Text;

namespace Crm.Testing.Servers;

/// <summary>Runs the command-line tools that start and stop test servers, failing with their output.</summary>
internal static class ServerProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(startInfo)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Describe(startInfo)} exited with code {process.ExitCode}:\n{output}");
        }

        return output.ToString();
    }

    /// <summary>
    /// A missing server fails the fixture: xUnit 2 cannot skip at run time, and a test that silently does not run
    /// would pass in CI without testing anything.
    /// </summary>
    public static InvalidOperationException Missing(string server, string lookedFor, string debianPackage)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " CI=true: the CI image must provide it."
            : string.Empty;
        return new InvalidOperationException(
            $"{server} is not installed (looked for {lookedFor}). Install the Debian package '{debianPackage}' " +
            $"(apt-get install -y {debianPackage}) to run these tests.{ci}");
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        $"'{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}'";
}
