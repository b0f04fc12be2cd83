using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Inbound;

/// <summary>
/// One Crm.Web process as deployed (Production, demo data) with integration keys: two for "demo" (a rotation), and
/// one for "ghost", a workspace that is configured but was never created.
/// </summary>
public sealed class InboundNodeFixture : IAsyncLifetime
{
    public const string Key = "test-inbound-key-0123456789";
    public const string RotatedKey = "next-inbound-key-9876543210";
    public const string GhostWorkspace = "ghost";
    public const string GhostKey = "ghost-inbound-key-0123456789";

    private readonly TempFolder _data = new("inbound");
    private CrmProcess? _process;

    public Uri BaseAddress => (_process ?? throw new InvalidOperationException("The web node has not started.")).BaseAddress;

    public Task<ConsoleClient> SignInAsync(string email) => ConsoleClient.SignInAsync(BaseAddress, email);

    /// <summary>A client for the integration endpoints, sending <paramref name="key"/> (none when null).</summary>
    public IntegrationClient Integration(string? key = Key) => new(BaseAddress, key);

    public async Task InitializeAsync() =>
        _process = await CrmProcess.StartAsync("Crm.Web", RaisedRateLimits.AddTo(new Dictionary<string, string?>
        {
            ["Crm:DataPath"] = _data.Path,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            [$"Crm:Inbound:Keys:{DemoUsers.Workspace}"] = $"{Key}, {RotatedKey}",
            [$"Crm:Inbound:Keys:{GhostWorkspace}"] = GhostKey,
        }));

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _data.Dispose();
    }
}
