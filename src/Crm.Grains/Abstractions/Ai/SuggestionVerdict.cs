namespace Crm.Grains.Abstractions.Ai;

/// <summary>What a person did with a suggestion.</summary>
[GenerateSerializer, Alias("crm.ai.suggestion-verdict")]
public enum SuggestionVerdict
{
    Accepted = 0,
    /// <summary>Used after changing its draft.</summary>
    Edited = 1,
    Rejected = 2,
}
