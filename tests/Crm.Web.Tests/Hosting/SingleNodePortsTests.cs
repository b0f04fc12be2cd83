using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Hosting;

/// <summary>
/// The single-node mode with no silo or gateway port configured takes free ports, so a second copy of the app on one
/// machine (or a test host beside a running app) starts instead of failing on 11111/30000.
/// </summary>
public sealed class SingleNodePortsTests
{
    [Fact]
    public async Task TwoInstances_SingleNodeWithoutConfiguredPorts_BothStartAndAnswer()
    {
        using var first = new TempFolder("ports-a");
        using var second = new TempFolder("ports-b");
        // An empty value unsets what the test host would otherwise pass: the app's own default applies.
        Dictionary<string, string?> Settings(string dataPath) => new()
        {
            ["Crm:DataPath"] = dataPath, ["Crm:Cluster:SiloPort"] = "", ["Crm:Cluster:GatewayPort"] = "", ["Crm:Demo:Seed"] = "false",
        };

        var starting = new[] { CrmProcess.StartAsync("Crm.Web", Settings(first.Path)), CrmProcess.StartAsync("Crm.Web", Settings(second.Path)) };
        var failures = new List<string>();
        try
        {
            // Both up at the same time: the second starts while the first holds its ports.
            await Task.WhenAll(starting);
        }
        catch (Exception e)
        {
            failures.Add(e.Message);
        }
        finally
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully)) await (await start).DisposeAsync();
        }

        Assert.True(failures.Count == 0, "An instance did not start:\n" + string.Join('\n', failures));
    }
}
