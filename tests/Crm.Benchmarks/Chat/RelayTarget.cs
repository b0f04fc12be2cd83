using System.Net;
using Crm.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// The baseline: a bare SignalR relay on Kestrel in this process, on a free loopback port. Same hub shapes as Crm.Web
/// (a visitor hub and an agent hub, a group per conversation on each), no grains, no store, no authentication.
/// </summary>
public sealed class RelayTarget : ChatTarget
{
    private readonly WebApplication _app;

    private RelayTarget(WebApplication app, Uri baseAddress)
        : base("relay", baseAddress, RelayVisitorHub.Path, RelayAgentHub.Path) => _app = app;

    public static async Task<RelayTarget> StartAsync()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<RelaySequences>();
        // The same receive limit as Crm.Web; everything else at SignalR's defaults, as there.
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<RelayVisitorHub>(RelayVisitorHub.Path);
        app.MapHub<RelayAgentHub>(RelayAgentHub.Path);
        await app.StartAsync();
        return new RelayTarget(app, address);
    }

    public override Task<string?> CreateVisitorAsync(int index) => Task.FromResult<string?>(null);

    public override Task<CookieContainer?> SignInAgentAsync(int index) => Task.FromResult<CookieContainer?>(null);

    public override async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
