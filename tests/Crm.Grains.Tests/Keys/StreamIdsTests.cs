using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Xunit;

namespace Crm.Grains.Tests.Keys;

public sealed class StreamIdsTests
{
    public static TheoryData<string?> InvalidIds => new()
    {
        null, "", "Acme", "acme corp", "acme/eu", "-acme", "_acme", "acmé", " acme", new string('a', Ids.MaxLength + 1),
    };

    [Fact]
    public void For_ValidIds_WorkspaceThenCategoryThenId()
    {
        Assert.Equal("acme/conversation/c-1", StreamIds.For(StreamIds.ConversationCategory, "acme", "c-1"));
        Assert.Equal("acme/agent/alice", StreamIds.For(StreamIds.AgentCategory, "acme", "alice"));
    }

    [Fact]
    public void Routing_ValidId_OneRouterStreamPerWorkspaceUnderItsPrefix()
    {
        Assert.Equal("acme/routing/all", StreamIds.Routing("acme"));
        Assert.StartsWith(StreamIds.WorkspacePrefix("acme"), StreamIds.Routing("acme"));
    }

    [Fact]
    public void Notifications_AnAgent_OneStreamPerAgentUnderTheWorkspacePrefix()
    {
        Assert.Equal("acme/notifications/alice", StreamIds.Notifications("acme", "alice"));
        Assert.StartsWith(StreamIds.WorkspacePrefix("acme"), StreamIds.Notifications("acme", "alice"));
    }

    [Fact]
    public void WorkspacePrefix_AWorkspace_MatchesItsStreamsOnlyNotAWorkspaceWhoseIdStartsTheSame()
    {
        Assert.Equal("acme/", StreamIds.WorkspacePrefix("acme"));
        Assert.StartsWith(StreamIds.WorkspacePrefix("acme"), StreamIds.For(StreamIds.AgentCategory, "acme", "alice"));
        Assert.False(StreamIds.For(StreamIds.AgentCategory, "acme-eu", "alice").StartsWith(StreamIds.WorkspacePrefix("acme"), StringComparison.Ordinal));
    }

    [Fact]
    public void PipelinesAndAttributes_ValidId_OneStreamPerWorkspaceUnderItsPrefix()
    {
        Assert.Equal("acme/pipelines/all", StreamIds.Pipelines("acme"));
        Assert.Equal("acme/attributes/all", StreamIds.Attributes("acme"));
        Assert.Equal("acme/deal/d-1", StreamIds.For(StreamIds.DealCategory, "acme", "d-1"));
        Assert.Contains(StreamIds.FollowUpCategory, StreamIds.Categories);
    }

    [Fact]
    public void AiUsage_ValidId_OneStreamPerWorkspaceUnderItsPrefix()
    {
        Assert.Equal("acme/ai-usage/all", StreamIds.AiUsage("acme"));
        Assert.Contains(StreamIds.AiUsageCategory, StreamIds.Categories);
        Assert.Equal("acme/ai-feedback/all", StreamIds.AiFeedback("acme"));
        Assert.Contains(StreamIds.AiFeedbackCategory, StreamIds.Categories);
        Assert.Equal("acme/answer-bot/all", StreamIds.AnswerBot("acme"));
        Assert.Contains(StreamIds.AnswerBotCategory, StreamIds.Categories);
    }

    [Fact]
    public void Workspace_ValidId_IsTheWorkspacesOwnStreamUnderItsPrefix()
    {
        Assert.Equal("acme/workspace/acme", StreamIds.Workspace("acme"));
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void For_InvalidWorkspaceId_RefusedAsInvalidNamingTheWorkspace(string? workspaceId)
    {
        var refused = Assert.Throws<DomainException>(() => StreamIds.For(StreamIds.ConversationCategory, workspaceId!, "c-1"));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("The workspace id", refused.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void For_InvalidEntityId_RefusedAsInvalidNamingTheCategory(string? id)
    {
        var refused = Assert.Throws<DomainException>(() => StreamIds.For(StreamIds.QueueCategory, "acme", id!));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("The queue id", refused.Message);
    }

    [Fact]
    public void For_LongestValidIds_Accepted()
    {
        var longest = new string('a', Ids.MaxLength);

        Assert.Equal($"{longest}/customer/{longest}", StreamIds.For(StreamIds.CustomerCategory, longest, longest));
    }

    [Fact]
    public void CategoryPrefix_AWorkspace_MatchesItsStreamsOnlyNotAWorkspaceWhoseIdStartsTheSame()
    {
        var prefix = StreamIds.CategoryPrefix(StreamIds.ConversationCategory, "acme");

        Assert.StartsWith(prefix, StreamIds.For(StreamIds.ConversationCategory, "acme", "c-1"));
        Assert.False(StreamIds.For(StreamIds.ConversationCategory, "acme-eu", "c-1").StartsWith(prefix, StringComparison.Ordinal));
        Assert.False(StreamIds.For(StreamIds.CustomerCategory, "acme", "c-1").StartsWith(prefix, StringComparison.Ordinal));
    }
}
