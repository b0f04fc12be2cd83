using System.Collections.Concurrent;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Crm.Testing.Cluster;

/// <summary>
/// Counts the activations each grain had on one test silo. A projection partition is woken again by the next commit
/// or the waker's poll right after a test deactivates it, so "no silo holds it" may never be observed; a new
/// activation is what a test that deactivates wants to know happened (<see cref="CrmClusterFixture.DeactivateAsync"/>).
/// </summary>
public sealed class ActivationLog : IConfigureGrainContextProvider, IConfigureGrainContext
{
    private readonly ConcurrentDictionary<GrainId, int> _activations = new();

    public int ActivationsOf(GrainId grain) => _activations.GetValueOrDefault(grain);

    public bool TryGetConfigurator(GrainType grainType, GrainProperties properties, out IConfigureGrainContext configurator)
    {
        configurator = this;
        return true;
    }

    public void Configure(IGrainContext context) => _activations.AddOrUpdate(context.GrainId, 1, (_, n) => n + 1);
}
