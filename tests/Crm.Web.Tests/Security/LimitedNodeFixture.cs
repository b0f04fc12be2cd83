using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>
/// One Crm.Web process with the production rate limits (the defaults), unlike every other fixture, which raises them.
/// Each test class gets its own process, so one class's flood never spends another's budget.
/// </summary>
public sealed class LimitedNodeFixture : IAsyncLifetime
{
    private readonly TempFolder _data = new("limited");
    private CrmProcess? _process;

    public CrmProcess Process => _process ?? throw new InvalidOperationException("The web node has not started.");

    public Uri BaseAddress => Process.BaseAddress;

    public async Task InitializeAsync() =>
        _process = await CrmProcess.StartAsync("Crm.Web", new Dictionary<string, string?> { ["Crm:DataPath"] = _data.Path });

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _data.Dispose();
    }
}
