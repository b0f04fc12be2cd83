namespace Crm.Grains.Abstractions.Ai;

[GenerateSerializer, Alias("crm.ai.action-kind")]
public enum ActionKind
{
    SuggestArticle = 0,
    UseCannedResponse = 1,
    AskForDetails = 2,
    Escalate = 3,
    MergeDuplicate = 4,
}
