using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// One Crm.Web process (single node, demo data) for the widget tests of a class. Unlike <see cref="WebNodeFixture"/>
/// it exposes its data folder: the expired-token test signs a token with the node's own data-protection keys.
/// </summary>
public sealed class WidgetNodeFixture : IAsyncLifetime
{
    private readonly TempFolder _data = new("widget");
    private CrmProcess? _process;

    public Uri BaseAddress => (_process ?? throw new InvalidOperationException("The web node has not started.")).BaseAddress;

    /// <summary>Where the node keeps its data-protection key ring ("keys" under Crm:DataPath).</summary>
    public string KeysPath => Path.Combine(_data.Path, "keys");

    public Task<ConsoleClient> SignInAsync(string email) => ConsoleClient.SignInAsync(BaseAddress, email);

    public async Task InitializeAsync() =>
        _process = await CrmProcess.StartAsync("Crm.Web", RaisedRateLimits.AddTo(new Dictionary<string, string?> { ["Crm:DataPath"] = _data.Path }));

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _data.Dispose();
    }
}
