using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Conversations;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>The status and posting rules on their own, without a cluster.</summary>
public sealed class ConversationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ConversationStatus.Open, ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Open, ConversationStatus.Resolved)]
    [InlineData(ConversationStatus.Pending, ConversationStatus.Open)]
    [InlineData(ConversationStatus.Snoozed, ConversationStatus.Resolved)]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Open)]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Closed)]
    public void RequireTransition_AllowedChange_ReturnsTrue(ConversationStatus from, ConversationStatus to) =>
        Assert.True(ConversationRules.RequireTransition(from, to, null, null, Now));

    [Theory]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Closed, ConversationStatus.Open)]
    [InlineData(ConversationStatus.Closed, ConversationStatus.Resolved)]
    public void RequireTransition_ForbiddenChange_RefusedAsConflictNamingBothStatuses(ConversationStatus from, ConversationStatus to)
    {
        var refused = Assert.Throws<DomainException>(() => ConversationRules.RequireTransition(from, to, null, null, Now));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains(from == ConversationStatus.Closed ? "closed" : ConversationRules.Name(to), refused.Message);
    }

    [Fact]
    public void RequireTransition_SameStatus_ChangesNothing() =>
        Assert.False(ConversationRules.RequireTransition(ConversationStatus.Pending, ConversationStatus.Pending, null, null, Now));

    [Fact]
    public void RequireTransition_SnoozeWithoutFutureTime_Refused()
    {
        Assert.Throws<DomainException>(() => ConversationRules.RequireTransition(ConversationStatus.Open, ConversationStatus.Snoozed, null, null, Now));
        Assert.Throws<DomainException>(() => ConversationRules.RequireTransition(ConversationStatus.Open, ConversationStatus.Snoozed, Now, null, Now));
        Assert.Throws<DomainException>(() => ConversationRules.RequireTransition(ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(91), null, Now));
    }

    [Fact]
    public void RequireTransition_SnoozedAgainUntilAnotherTime_IsAChange() =>
        Assert.True(ConversationRules.RequireTransition(ConversationStatus.Snoozed, ConversationStatus.Snoozed, Now.AddHours(2), Now.AddHours(1), Now));

    [Fact]
    public void RequireCanPost_NoteFromCustomer_Forbidden() =>
        Assert.Equal(DomainErrorKind.Forbidden,
            Assert.Throws<DomainException>(() => ConversationRules.RequireCanPost(ConversationStatus.Open, AuthorKind.Customer, MessageKind.Note)).Kind);

    [Fact]
    public void RequireCanPost_WhisperFromCustomer_Forbidden() =>
        Assert.Equal(DomainErrorKind.Forbidden,
            Assert.Throws<DomainException>(() => ConversationRules.RequireCanPost(ConversationStatus.Open, AuthorKind.Customer, MessageKind.Whisper)).Kind);

    [Fact]
    public void RequireCanPost_MessageInClosedConversation_RefusedButNoteAllowed()
    {
        Assert.Equal(DomainErrorKind.Conflict,
            Assert.Throws<DomainException>(() => ConversationRules.RequireCanPost(ConversationStatus.Closed, AuthorKind.Agent, MessageKind.Message)).Kind);
        ConversationRules.RequireCanPost(ConversationStatus.Closed, AuthorKind.Agent, MessageKind.Note);
    }

    [Theory]
    [InlineData("  VIP ", "vip")]
    [InlineData("billing-eu", "billing-eu")]
    [InlineData("needs follow up", "needs follow up")]
    public void NormalizeLabel_ValidLabel_TrimmedAndLowercased(string raw, string expected) =>
        Assert.Equal(expected, ConversationRules.NormalizeLabel(raw));

    [Theory]
    [InlineData("")]
    [InlineData("<script>")]
    [InlineData("-leading-dash")]
    public void NormalizeLabel_InvalidLabel_RefusedWithTheRule(string raw) =>
        Assert.Contains("A label is", Assert.Throws<DomainException>(() => ConversationRules.NormalizeLabel(raw)).Message);
}
