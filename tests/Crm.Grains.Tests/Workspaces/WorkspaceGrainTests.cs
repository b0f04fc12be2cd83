using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.EventSourcing;
using Crm.Grains.Workspaces.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Workspaces;

[Collection(ClusterCollection.Name)]
public sealed class WorkspaceGrainTests(CrmClusterFixture cluster)
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IWorkspaceGrain Workspace => cluster.Grains.GetGrain<IWorkspaceGrain>(workspaceId);

    [Fact]
    public async Task CreateAsync_SameNameTwice_ReturnsTheSameWorkspaceAndWritesOneEvent()
    {
        var created = await Workspace.CreateAsync(new CreateWorkspace(" Acme Support ", "user:admin"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await Workspace.CreateAsync(new CreateWorkspace("Acme Support", "user:other"));

        Assert.Equal(new WorkspaceDetails(workspaceId, "Acme Support", created.CreatedAt), again);
        Assert.Equal(created, again);
        var event_ = Assert.IsType<WorkspaceCreated>(Assert.Single(await Events()));
        Assert.Equal("user:admin", event_.By);
    }

    [Fact]
    public async Task CreateAsync_ExistingWithAnotherName_RefusedAsConflictAndNameKept()
    {
        await Workspace.CreateAsync(new CreateWorkspace("Acme Support", "user:admin"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Workspace.CreateAsync(new CreateWorkspace("Acme Sales", "user:admin")));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains(workspaceId, refused.Message);
        Assert.Equal("Acme Support", (await Workspace.FindAsync())?.Name);
        Assert.Single(await Events());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public async Task CreateAsync_BlankName_RefusedAndNothingWritten(string? name)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Workspace.CreateAsync(new CreateWorkspace(name!, "user:admin")));

        Assert.Equal((DomainErrorKind.Invalid, "A workspace name must be 1–100 characters."), (refused.Kind, refused.Message));
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task CreateAsync_NameOf100AndOf101Characters_FirstKeptSecondRefused()
    {
        var tooLong = await Assert.ThrowsAsync<DomainException>(() => Workspace.CreateAsync(new CreateWorkspace(new string('a', 101), "user:admin")));
        var created = await Workspace.CreateAsync(new CreateWorkspace(new string('a', 100), "user:admin"));

        Assert.Equal(DomainErrorKind.Invalid, tooLong.Kind);
        Assert.Equal(100, created.Name.Length);
    }

    [Fact]
    public async Task FindAsync_NeverCreated_NullAndNothingWritten()
    {
        Assert.Null(await Workspace.FindAsync());
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task CreateAsync_InvalidWorkspaceId_RefusedAsInvalid()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            cluster.Grains.GetGrain<IWorkspaceGrain>("Not A Slug").CreateAsync(new CreateWorkspace("Acme", "user:admin")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("The workspace id", refused.Message);
    }

    private Task<IReadOnlyList<DomainEvent>> Events() => cluster.ReadEventsAsync(StreamIds.Workspace(workspaceId));
}
