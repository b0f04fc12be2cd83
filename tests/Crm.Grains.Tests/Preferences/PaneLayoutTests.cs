using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Preferences;
using Crm.Grains.Preferences.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Preferences;

/// <summary>A user's pane layout is a PaneLayoutChanged on their preferences stream: it comes back after reactivation, and a width out of range is refused.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PaneLayoutTests(CrmClusterFixture cluster)
{
    private readonly string _workspaceId = TestKeys.NewWorkspaceId();

    private IUserPreferencesGrain Alice => cluster.Grains.GetGrain<IUserPreferencesGrain>(GrainKeys.Scoped(_workspaceId, "alice"));

    [Fact]
    public async Task SetLayoutAsync_NewWidthsAndFold_StoredOnceAndBackAfterReactivation()
    {
        var layout = new PaneLayout(400, 260, ListFolded: false, ContextFolded: true);

        await Alice.SetLayoutAsync(new SetPaneLayout(layout, "agent:alice"));
        await Alice.SetLayoutAsync(new SetPaneLayout(layout, "agent:alice"));
        await cluster.DeactivateAsync(Alice);

        Assert.Equal(layout, await Alice.GetLayoutAsync());
        Assert.Single((await cluster.ReadEventsAsync(StreamIds.For(StreamIds.PreferencesCategory, _workspaceId, "alice"))).OfType<PaneLayoutChanged>());
        Assert.Equal(UserPreferences.Default, await Alice.GetAsync());
    }

    [Fact]
    public async Task SetLayoutAsync_WidthOutOfRange_RefusedAndNothingStored()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Alice.SetLayoutAsync(new SetPaneLayout(new PaneLayout(ListWidth: 5000), "agent:alice")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal(PaneLayout.Default, await Alice.GetLayoutAsync());
    }
}
