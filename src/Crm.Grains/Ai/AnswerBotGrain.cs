using System.Security.Cryptography;
using System.Text;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Orleans.Concurrency;

namespace Crm.Grains.Ai;

/// <summary>
/// Answers a widget chat from published articles of its own workspace (through <see cref="IAssistantGrain"/>, whose
/// matches are checked against the knowledge base), or hands it to a person. Stateless and outside the conversation
/// grain; its messages carry ids derived from the visitor message they answer, so two nodes answering the same message
/// post it once.
/// </summary>
[StatelessWorker]
public sealed class AnswerBotGrain : Grain, IAnswerBotGrain
{
    public static readonly Author Bot = new(AuthorKind.Bot, "answer-bot", "Answer bot");
    private const int PassageChars = 400;

    private string WorkspaceId => this.GetPrimaryKeyString();

    public async Task<AnswerBotOutcome> RespondAsync(string conversationId)
    {
        var conversation = GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, Ids.Require(conversationId, "conversation")));
        var details = await conversation.GetDetailsAsync();
        var thread = await conversation.GetMessagesAfterAsync(0);
        if (AnswerBotRules.SilentBecause(details, thread) is { } quiet) return new AnswerBotOutcome(AnswerBotAction.Silent, quiet);
        var question = AnswerBotRules.Pending(thread);
        var answering = thread.Last(m => m.IsVisibleToCustomer).Seq;
        if (AnswerBotRules.AsksForHuman(question)) return await HandOverAsync(conversation, answering, "the visitor asked for a person");
        if (AnswerBotRules.Unhelpful(thread) >= AnswerBotRules.MaxUnhelpful)
            return await HandOverAsync(conversation, answering, "a second answer did not help");

        var top = (await GrainFactory.GetGrain<IAssistantGrain>(WorkspaceId).SearchArticlesAsync(Clip(question, MessageLimits.MaxBodyLength), 1)).FirstOrDefault();
        if (top is null || top.Score < AnswerBotRules.MinConfidence)
            return await HandOverAsync(conversation, answering, $"low confidence (best match {top?.Score ?? 0:0.00} < {AnswerBotRules.MinConfidence:0.00})", top);

        var body = $"From our help center, \"{top.Title}\":\n{Clip(top.Passage, PassageChars)}\n\nRead the article: /help/{WorkspaceId}/articles/{top.Slug}\n\n"
            + "Did this answer your question? If not, say so, or ask for a person.";
        await conversation.PostMessageAsync(new PostMessage(MessageId(conversationId, answering, "answer"), Bot, body));
        return new AnswerBotOutcome(AnswerBotAction.Answered, "a published article matched", top.ArticleId, top.Score);
    }

    private async Task<AnswerBotOutcome> HandOverAsync(IConversationGrain conversation, long answering, string reason, ArticleMatch? top = null)
    {
        var details = await conversation.GetDetailsAsync();
        await conversation.PostMessageAsync(new PostMessage(MessageId(details.ConversationId, answering, "handover"), Bot,
            "I'm passing you to a person on our team; they will reply here shortly."));
        await conversation.ChangeLabelsAsync(new ChangeLabels([AnswerBotRules.HandedOverLabel], [], Bot));
        // The chat waits in its queue (widget chats always open in one); a pending chat is opened again so routing offers it.
        if (details.Status is ConversationStatus.Pending or ConversationStatus.Snoozed)
            await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Open, null, Bot));
        return new AnswerBotOutcome(AnswerBotAction.HandedOver, reason, top?.ArticleId, top?.Score ?? 0);
    }

    /// <summary>One id per (conversation, visitor message, purpose): a repeat of the same answer is the store's no-op.</summary>
    private static Guid MessageId(string conversationId, long seq, string purpose) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"answer-bot/{conversationId}/{seq}/{purpose}")));

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
