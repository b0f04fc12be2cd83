using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Benchmarks.Routing;

/// <summary>
/// The baseline: the same arrival rate against a bare SignalR echo on Kestrel in this process: no grains, no store,
/// no decision. What it costs there is the floor under the routing numbers on this machine at this moment.
/// </summary>
public static class EchoBaseline
{
    public sealed record Result(Latencies Assign, Latencies Staleness, int Failed);

    public static async Task<Result> RunAsync(int rate, TimeSpan duration)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<EchoHub>(EchoHub.Path);
        await app.StartAsync();

        var received = new ConcurrentDictionary<string, long>();
        var staleness = new Latencies();
        await using var watcher = new HubConnectionBuilder().WithUrl(new Uri(address, EchoHub.Path.TrimStart('/'))).Build();
        watcher.On<string, DateTimeOffset>(EchoHub.Assigned, (id, stamped) =>
        {
            received.TryAdd(id, Stopwatch.GetTimestamp());
            staleness.Add(Math.Max(0, (DateTimeOffset.UtcNow - stamped).TotalMilliseconds));
        });
        await watcher.StartAsync();
        await watcher.InvokeAsync("Watch");
        await using var sender = new HubConnectionBuilder().WithUrl(new Uri(address, EchoHub.Path.TrimStart('/'))).Build();
        await sender.StartAsync();

        var returned = new ConcurrentDictionary<string, long>();
        var (_, failed, _) = await ArrivalDriver.RunAsync(rate, duration, async i =>
        {
            var id = $"echo-{i}";
            await sender.InvokeAsync("Enqueue", id);
            returned[id] = Stopwatch.GetTimestamp();
        });
        await RoutingBenchmark.WaitUntilAsync(() => received.Count >= returned.Count, TimeSpan.FromSeconds(10));

        var assign = new Latencies();
        foreach (var (id, at) in returned)
            if (received.TryGetValue(id, out var seen)) assign.Add(RoutingBenchmark.Ms(at, seen));
        await app.StopAsync();
        return new Result(assign, staleness, failed);
    }
}
