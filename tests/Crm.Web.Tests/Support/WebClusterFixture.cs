using Crm.Testing.Hosts;
using Crm.Testing.Servers;
using Xunit;

namespace Crm.Web.Tests.Support;

/// <summary>
/// The cluster mode as processes: a Redis for membership, standalone Crm.Silo processes on their own data folder,
/// and Crm.Web nodes in the Client role that share one web data folder (identity.db and data-protection keys), so a
/// cookie issued by one node is accepted by every other.
/// </summary>
public sealed class WebClusterFixture : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly TempFolder _siloData = new("silo");
    private readonly TempFolder _webData = new("webs");
    private readonly List<CrmProcess> _silos = [];
    private readonly List<CrmProcess> _webs = [];

    /// <summary>How many web nodes <see cref="InitializeAsync"/> starts (one silo in every case).</summary>
    public int WebNodeCount { get; init; } = 2;

    public IReadOnlyList<CrmProcess> Silos => _silos;
    public IReadOnlyList<CrmProcess> WebNodes => _webs;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _silos.Add(await CrmProcess.StartAsync("Crm.Silo", new Dictionary<string, string?>
        {
            ["Crm:Cluster:Clustering"] = "Redis",
            ["ConnectionStrings:CrmRedis"] = _redis.ConnectionString,
            ["Crm:DataPath"] = _siloData.Path,
        }));

        // One after another: the first node seeds identity.db and creates the data-protection key; a second node
        // starting at the same moment would race it for both.
        for (var i = 0; i < WebNodeCount; i++)
            _webs.Add(await CrmProcess.StartAsync("Crm.Web", WebNodeSettings()));
    }

    public Dictionary<string, string?> WebNodeSettings() => RaisedRateLimits.AddTo(new()
    {
        ["Crm:Cluster:Role"] = "Client",
        ["Crm:Cluster:Clustering"] = "Redis",
        ["ConnectionStrings:CrmRedis"] = _redis.ConnectionString,
        ["Crm:DataPath"] = _webData.Path,
    });

    public async Task DisposeAsync()
    {
        foreach (var process in _webs.Concat(_silos)) await process.DisposeAsync();
        await _redis.DisposeAsync();
        _siloData.Dispose();
        _webData.Dispose();
    }
}
