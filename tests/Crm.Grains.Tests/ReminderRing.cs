using Crm.Testing;
using Crm.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Crm.Grains.Tests;

/// <summary>
/// Keys whose reminders the ring gives to one silo's reminder service, so stopping that silo takes the armed timer with
/// it, not only the activation; otherwise a surviving silo's in-memory timer could fire and the stored reminder would
/// never be needed. About one key in as many as there are silos fits. Orleans keeps its ring internal, so it is read by
/// reflection; a rename fails here, loudly.
/// </summary>
public static class ReminderRing
{
    public static async Task<(string Id, TGrain Grain)> KeyWhoseRemindersLiveOnAsync<TGrain>(
        CrmClusterFixture cluster, SiloHandle silo, string prefix, Func<string, TGrain> grainFor) where TGrain : IAddressable
    {
        var ringType = typeof(SiloAddress).Assembly.GetType("Orleans.Runtime.ConsistentRing.IConsistentRingProvider")
            ?? Type.GetType("Orleans.Runtime.ConsistentRing.IConsistentRingProvider, Orleans.Runtime", throwOnError: true)!;
        var primary = (InProcessSiloHandle)cluster.Cluster.Primary!;
        var ring = primary.SiloHost.Services.GetRequiredService(ringType);
        var primaryTargetSilo = ringType.GetMethod("GetPrimaryTargetSilo", [typeof(uint)])
            ?? throw new MissingMethodException(ringType.FullName, "GetPrimaryTargetSilo");
        return await Eventually.ReturnsAsync(
            () =>
            {
                var id = TestKeys.NewId(prefix);
                return Task.FromResult((id, grainFor(id)));
            },
            candidate => silo.SiloAddress.Equals(primaryTargetSilo.Invoke(ring, [candidate.Item2.GetGrainId().GetUniformHashCode()])),
            $"a {prefix} key whose reminders live on {silo.SiloAddress}");
    }
}
