using System.Text.Json;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.EventSourcing;
using Crm.Grains.Workspaces;
using Crm.Grains.Workspaces.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Workspaces;

/// <summary>A workspace's SLA settings: the defaults until configured, validated, stored as one event.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkspaceSlaTests(CrmClusterFixture cluster)
{
    private const string Admin = "user:admin";

    private static readonly SlaPolicy Policy = SlaPolicy.Create(
        new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(10), null, TimeSpan.FromHours(2)),
        new SlaTargets(Priority.Normal, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8)));

    private static readonly BusinessCalendar Berlin = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin", [new DateOnly(2025, 12, 25)]);

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IWorkspaceGrain Workspace => cluster.Grains.GetGrain<IWorkspaceGrain>(workspaceId);

    [Fact]
    public async Task GetSlaAsync_NeverConfigured_TheDefaultsAndNothingWritten()
    {
        var sla = await Workspace.GetSlaAsync();

        Assert.Equal(new WorkspaceSlaDetails(workspaceId, SlaDefaults.Calendar, SlaDefaults.Policy), sla);
        Assert.True(sla.IsDefault);
        Assert.Equal(new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)), sla.Policy.For(Priority.Urgent));
        Assert.Equal(new SlaTargets(Priority.Low, TimeSpan.FromHours(8), TimeSpan.FromHours(24), TimeSpan.FromHours(72)), sla.Policy.For(Priority.Low));
        Assert.Equal(BusinessCalendar.Default, sla.Calendar);
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task ConfigureSlaAsync_ValidSettingsTwice_OneEventAndTheSettingsSurviveARebuild()
    {
        await Workspace.CreateAsync(new CreateWorkspace("Acme", Admin));
        var configuredAt = cluster.Clock.GetUtcNow();

        var configured = await Workspace.ConfigureSlaAsync(new ConfigureSla(Berlin, Policy, Admin));
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Workspace.ConfigureSlaAsync(new ConfigureSla(Berlin, Policy, "user:other"));
        await cluster.DeactivateAsync(Workspace);
        var rebuilt = await Workspace.GetSlaAsync();

        var expected = new WorkspaceSlaDetails(workspaceId, Berlin, Policy, configuredAt, Admin);
        Assert.Equal(expected, configured);
        Assert.Equal(expected, again);
        Assert.Equal(expected, rebuilt);
        var stored = Assert.Single((await Events()).OfType<WorkspaceSlaConfigured>());
        Assert.Equal((Berlin, Policy), (stored.Calendar, stored.Policy));
    }

    [Fact]
    public async Task ConfigureSlaAsync_UnsortedSettings_StoredNormalizedSoEqualSettingsWriteNothing()
    {
        await Workspace.CreateAsync(new CreateWorkspace("Acme", Admin));
        var unsorted = new BusinessCalendar("UTC",
            [new OpeningHours(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(17, 0)), new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))],
            [new DateOnly(2025, 12, 26), new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 25)]);
        var reversed = new SlaPolicy([.. Policy.Targets.Reverse()]);

        var configured = await Workspace.ConfigureSlaAsync(new ConfigureSla(unsorted, reversed, Admin));
        await Workspace.ConfigureSlaAsync(new ConfigureSla(configured.Calendar, configured.Policy, Admin));

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], configured.Calendar.OpeningHours.Select(h => h.Day));
        Assert.Equal([new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)], configured.Calendar.Holidays.ToArray());
        Assert.Equal(Policy, configured.Policy);
        Assert.Single((await Events()).OfType<WorkspaceSlaConfigured>());
    }

    public static TheoryData<string, BusinessCalendar?, SlaPolicy?, string> InvalidSettings => new()
    {
        { "no calendar", null, Policy, "SLA settings need a business calendar." },
        { "no policy", Berlin, null, "SLA settings need a policy" },
        { "unknown zone", Berlin with { TimeZoneId = "Mars/Olympus" }, Policy, "Unknown time zone 'Mars/Olympus'" },
        { "never open", new BusinessCalendar("UTC", [], []), Policy, "must be open for some time each week" },
        { "closes before it opens", new BusinessCalendar("UTC", [new OpeningHours(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(9, 0))], []), Policy, "close before they open" },
        { "zero target", Berlin, new SlaPolicy([new SlaTargets(Priority.Normal, TimeSpan.Zero, null, null)]), "must be longer than zero" },
        { "priority twice", Berlin, new SlaPolicy([new SlaTargets(Priority.Normal, TimeSpan.FromHours(1), null, null), new SlaTargets(Priority.Normal, TimeSpan.FromHours(2), null, null)]), "more than one set of targets" },
        { "over a year", Berlin, new SlaPolicy([new SlaTargets(Priority.Low, null, null, TimeSpan.FromDays(400))]), "can be at most 365 days" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task ConfigureSlaAsync_InvalidSettings_RefusedAsInvalidAndNothingWritten(string problem, BusinessCalendar? calendar, SlaPolicy? policy, string message)
    {
        await Workspace.CreateAsync(new CreateWorkspace("Acme", Admin));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Workspace.ConfigureSlaAsync(new ConfigureSla(calendar!, policy!, Admin)));

        Assert.True(refused.Kind == DomainErrorKind.Invalid, $"{problem}: {refused.Kind}");
        Assert.Contains(message, refused.Message);
        Assert.Empty((await Events()).OfType<WorkspaceSlaConfigured>());
        Assert.True((await Workspace.GetSlaAsync()).IsDefault);
    }

    [Fact]
    public async Task ConfigureSlaAsync_WorkspaceNeverCreated_RefusedAsNotFound()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Workspace.ConfigureSlaAsync(new ConfigureSla(Berlin, Policy, Admin)));

        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
        Assert.Empty(await Events());
    }

    [Fact]
    public void WorkspaceSlaConfigured_StoredJson_ReadsBackEqualUnderItsVersionedName()
    {
        var configured = new WorkspaceSlaConfigured(Berlin, Policy) { At = DateTimeOffset.UnixEpoch, By = Admin };

        var data = EventSerializer.ToEventData(configured);
        var read = JsonSerializer.Deserialize<WorkspaceSlaConfigured>(data.Data, EventSerializer.Json)!;

        Assert.Equal("crm.workspaces.workspace-sla-configured.v1", data.Type);
        Assert.Equal((Berlin, Policy), (read.Calendar, read.Policy));
    }

    private Task<IReadOnlyList<DomainEvent>> Events() => cluster.ReadEventsAsync(StreamIds.Workspace(workspaceId));
}
