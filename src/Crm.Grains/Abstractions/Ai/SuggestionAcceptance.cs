namespace Crm.Grains.Abstractions.Ai;

/// <summary>How people answered one kind of suggestion: what admins read and the ranking may learn from.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.suggestion-acceptance")]
public sealed record SuggestionAcceptance(string Kind, int Accepted, int Edited, int Rejected)
{
    /// <summary>Accepted or edited, of all verdicts (0 without any).</summary>
    public double Rate => Accepted + Edited + Rejected == 0 ? 0 : (double)(Accepted + Edited) / (Accepted + Edited + Rejected);
}
