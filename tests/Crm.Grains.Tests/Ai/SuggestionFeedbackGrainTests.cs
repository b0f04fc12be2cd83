using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Ai.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Ai;

/// <summary>Verdicts on suggestions: recorded as events, counted per kind, decided ones stay decided across reactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SuggestionFeedbackGrainTests(CrmClusterFixture cluster)
{
    private const string Actor = "agent:sam";
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private ISuggestionFeedbackGrain Grain => cluster.Grains.GetGrain<ISuggestionFeedbackGrain>(workspaceId);

    [Fact]
    public async Task RecordAsync_ThreeVerdicts_CountedPerKind_AndSurviveReactivation()
    {
        await Grain.RecordAsync(new RecordSuggestionFeedback("idle-deal:d1:1", "follow-up.idle-deal", SuggestionVerdict.Accepted, null, Actor));
        await Grain.RecordAsync(new RecordSuggestionFeedback("idle-deal:d2:1", "follow-up.idle-deal", SuggestionVerdict.Edited, "Hi, any news?", Actor));
        await Grain.RecordAsync(new RecordSuggestionFeedback("buying-intent:c1:1", "follow-up.buying-intent", SuggestionVerdict.Rejected, null, Actor));
        // A double click is no second vote.
        await Grain.RecordAsync(new RecordSuggestionFeedback("idle-deal:d1:1", "follow-up.idle-deal", SuggestionVerdict.Rejected, null, Actor));

        await cluster.DeactivateAsync(Grain);

        Assert.Equal(
            [new SuggestionAcceptance("follow-up.buying-intent", 0, 0, 1), new SuggestionAcceptance("follow-up.idle-deal", 1, 1, 0)],
            await Grain.GetAcceptanceAsync());
        Assert.Equal(["idle-deal:d1:1"], await Grain.DecidedAsync(["idle-deal:d1:1", "idle-deal:d9:1"]));
        var events = await cluster.ReadEventsAsync(StreamIds.AiFeedback(workspaceId));
        Assert.Equal(3, events.Count);
        Assert.Equal("Hi, any news?", events.OfType<SuggestionFeedbackRecorded>().Single(e => e.Verdict == SuggestionVerdict.Edited).EditedText);
    }

    [Fact]
    public async Task RecordAsync_EditedWithoutText_IsRefusedAndNothingIsStored()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grain.RecordAsync(new RecordSuggestionFeedback("idle-deal:d1:1", "follow-up.idle-deal", SuggestionVerdict.Edited, " ", Actor)));

        Assert.Contains("needs the edited text", error.Message, StringComparison.Ordinal);
        Assert.Empty(await cluster.ReadEventsAsync(StreamIds.AiFeedback(workspaceId)));
    }
}
