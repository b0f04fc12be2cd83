namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// The widget's answer bot (a stateless worker, key: the workspace id): answers a chat's pending visitor message from
/// published articles of the workspace, or hands the chat over to a person. Runs outside the conversation grain.
/// </summary>
public interface IAnswerBotGrain : IGrainWithStringKey
{
    /// <summary>Answers or hands over the conversation's pending visitor messages; silent when the bot has no turn.</summary>
    Task<AnswerBotOutcome> RespondAsync(string conversationId);
}
