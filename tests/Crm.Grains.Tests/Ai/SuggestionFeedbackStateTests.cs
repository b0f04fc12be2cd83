using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai;
using Crm.Grains.Ai.Events;
using Xunit;

namespace Crm.Grains.Tests.Ai;

/// <summary>A busy workspace's verdicts: every one counted, but only the most recent decided ids remembered.</summary>
public sealed class SuggestionFeedbackStateTests
{
    [Fact]
    public void Apply_MoreVerdictsThanRemembered_TheOldestIdsAreForgottenAndEveryVerdictStillCounts()
    {
        var state = new SuggestionFeedbackState();
        var total = SuggestionFeedbackState.MaxDecided + 5;
        for (var i = 0; i < total; i++)
            state.Apply(new SuggestionFeedbackRecorded($"idle-deal:d{i}:1", "follow-up.idle-deal", SuggestionVerdict.Accepted, null));
        state.Apply(new SuggestionFeedbackRecorded($"idle-deal:d{total - 1}:1", "follow-up.idle-deal", SuggestionVerdict.Rejected, null)); // a repeat

        Assert.Equal(SuggestionFeedbackState.MaxDecided, state.Decided.Count);
        Assert.DoesNotContain("idle-deal:d0:1", state.Decided);
        Assert.DoesNotContain("idle-deal:d4:1", state.Decided);
        Assert.Contains("idle-deal:d5:1", state.Decided);
        Assert.Contains($"idle-deal:d{total - 1}:1", state.Decided);
        Assert.Equal(total, state.ByKind["follow-up.idle-deal"].Accepted);
    }
}
