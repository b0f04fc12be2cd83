using Crm.Testing.Hosts;
using Xunit;

namespace Crm.Web.Tests.Support;

/// <summary>
/// One Crm.Web process in its default single-node mode (silo in-process, SQLite) on a fresh data folder, shared by
/// the tests of a class. Tests open their own conversations, so they never depend on each other's data.
/// </summary>
public class WebNodeFixture : IAsyncLifetime
{
    private readonly TempFolder _data = new("web");
    private readonly string? _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private CrmProcess? _process;

    public WebNodeFixture() : this(environment: null)
    {
    }

    /// <summary>A node in the given ASP.NET Core environment (CrmProcess's default is Development), with more settings.</summary>
    protected WebNodeFixture(string? environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public CrmProcess Process => _process ?? throw new InvalidOperationException("The web node has not started.");

    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>The node's data folder (events.db and the rest), for tests that inspect or tamper with what it stored.</summary>
    public string DataPath => _data.Path;

    public Task<ConsoleClient> SignInAsync(string email) => ConsoleClient.SignInAsync(BaseAddress, email);

    public async Task InitializeAsync()
    {
        var settings = RaisedRateLimits.AddTo(new Dictionary<string, string?>
        {
            ["Crm:DataPath"] = _data.Path,
            ["ASPNETCORE_ENVIRONMENT"] = _environment,
        });
        foreach (var (key, value) in _settings) settings[key] = value;
        Configure(settings);
        _process = await CrmProcess.StartAsync("Crm.Web", settings);
    }

    /// <summary>A subclass's own settings for the node, on top of the defaults.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _data.Dispose();
    }
}
