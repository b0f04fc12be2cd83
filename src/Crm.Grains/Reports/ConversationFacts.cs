using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Reports;

/// <summary>
/// What the reports need to know about one conversation, folded from its events in stream order: its waits and the
/// human replies that ended them, its final resolution and reopens, its agent, labels and rating. The fold applies
/// the rules <see cref="ReportDefinitions"/> states in words; durations are computed from these facts at query time,
/// so a change of the business calendar applies to every report alike.
/// </summary>
[GenerateSerializer, Alias("crm.reports.conversation-facts")]
public sealed class ConversationFacts(ConversationOpened opened)
{
    [Id(0)] private DateTimeOffset? _waitingSince;
    [Id(1)] private bool _waitedBefore;

    [Id(2)] public string ConversationId { get; } = opened.ConversationId;
    [Id(3)] public Channel Channel { get; } = opened.Channel;
    [Id(4)] public string? QueueId { get; } = opened.QueueId;
    [Id(5)] public DateTimeOffset OpenedAt { get; } = opened.At;
    [Id(6)] public SortedSet<string> Labels { get; } = new(StringComparer.Ordinal);
    [Id(7)] public string? AssigneeId { get; private set; }

    /// <summary>The first wait, when a human reply ended it (null: none yet, or it ended unanswered).</summary>
    [Id(8)] public AnsweredWait? FirstResponse { get; private set; }

    /// <summary>Every later wait a human reply ended, in order.</summary>
    [Id(9)] public List<AnsweredWait> NextResponses { get; } = [];

    /// <summary>When the current resolved stretch began; null while the conversation is not resolved or closed.</summary>
    [Id(10)] public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The assignee when <see cref="ResolvedAt"/> began.</summary>
    [Id(11)] public string? ResolvedAgentId { get; private set; }

    /// <summary>How often it went from resolved back to open.</summary>
    [Id(12)] public int Reopens { get; private set; }

    [Id(13)] public GivenRating? Rating { get; private set; }

    /// <summary>The agent the reports credit: the assignee at the final resolution, or the current one while unresolved.</summary>
    public string? AgentId => ResolvedAt is null ? AssigneeId : ResolvedAgentId;

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case MessagePosted { Kind: MessageKind.Message } e when e.Author.Kind == AuthorKind.Customer:
                // A message while the customer already waits belongs to that wait.
                if (_waitingSince is null) _waitingSince = e.At;
                break;
            case MessagePosted { Kind: MessageKind.Message } e when e.Author.Kind == AuthorKind.Agent:
                // Only a person's public message is a reply: notes, bots and the system never end a wait.
                if (_waitingSince is { } since) EndWait(new AnsweredWait(since, e.At));
                break;
            case ConversationStatusChanged e when e.To is ConversationStatus.Resolved or ConversationStatus.Closed:
                if (ResolvedAt is null) (ResolvedAt, ResolvedAgentId) = (e.At, AssigneeId);
                // Nobody owes a reply on a resolved conversation: a wait still open ends unanswered.
                if (_waitingSince is not null) EndWait(null);
                break;
            case ConversationStatusChanged:
                if (ResolvedAt is not null) Reopens++;
                (ResolvedAt, ResolvedAgentId) = (null, null);
                break;
            case ConversationAssigned e:
                AssigneeId = e.AgentId;
                break;
            case ConversationLabelsChanged e:
                Labels.UnionWith(e.Added);
                Labels.ExceptWith(e.Removed);
                break;
            case ConversationRated e:
                Rating = new GivenRating(e.Score, e.At, AgentId);
                break;
        }
    }

    private void EndWait(AnsweredWait? answered)
    {
        if (!_waitedBefore)
            FirstResponse = answered;
        else if (answered is { } wait)
            NextResponses.Add(wait);
        (_waitingSince, _waitedBefore) = (null, true);
    }
}
