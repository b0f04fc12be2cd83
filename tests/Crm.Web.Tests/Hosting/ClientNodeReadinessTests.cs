using System.Net;
using Crm.Testing;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Hosting;

/// <summary>
/// A web node in the Client role is ready only while a silo answers: /health/ready follows the silo, while
/// /health/live stays up (the process itself is fine; a load balancer should just stop sending it traffic).
/// </summary>
public sealed class ClientNodeReadinessTests : IAsyncLifetime
{
    private readonly WebClusterFixture _cluster = new() { WebNodeCount = 1 };

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task HealthReady_WhenTheSiloCrashes_TurnsUnhealthyWhileLiveStaysUp()
    {
        using var http = new HttpClient { BaseAddress = _cluster.WebNodes[0].BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        using (var ready = await http.GetAsync("health/ready"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        _cluster.Silos[0].Kill();

        await Eventually.ReturnsAsync(
            async () => { using var r = await http.GetAsync("health/ready"); return r.StatusCode; },
            status => status == HttpStatusCode.ServiceUnavailable,
            "/health/ready of the web node to answer 503 once its only silo is gone",
            TimeSpan.FromSeconds(30));
        using var live = await http.GetAsync("health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
