namespace Crm.Grains.Abstractions.Ai;

/// <summary>The workspace's answer-bot setting (key: the workspace id), the fold of its <c>answer-bot</c> stream.</summary>
public interface IAnswerBotSettingsGrain : IGrainWithStringKey
{
    Task<AnswerBotSettings> GetAsync();

    /// <summary>Turns the bot on or off; a no-op when it already is.</summary>
    Task<AnswerBotSettings> ConfigureAsync(ConfigureAnswerBot command);
}
