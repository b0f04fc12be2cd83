using System.Diagnostics;

namespace Crm.Testing.Hosts;

/// <summary>
/// Runs one of Crm.Web's operator commands (<c>dotnet Crm.Web.dll &lt;command&gt;</c>) on a data folder, as an operator
/// would, with a deadline; returns its exit code, standard output and standard error.
/// </summary>
public static class CrmCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string command, string dataPath)
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
        startInfo.ArgumentList.Add(command);
        startInfo.Environment["Crm__DataPath"] = dataPath;
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {Deadline.TotalSeconds:0} s:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
