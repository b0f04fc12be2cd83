namespace Crm.Ai.Retrieval;

/// <summary>
/// A piece of a published article that can be matched and quoted on its own. <see cref="Heading"/> is the section it
/// sits in; <see cref="Text"/> is what a draft quotes; <see cref="Vector"/> embeds the title, heading and text together.
/// </summary>
public sealed record Passage(string ArticleId, int Index, string Heading, string Text, float[] Vector)
{
    /// <summary>The title-only passage (index 0) stands for the article's subject as a whole: it gives titles their boost.</summary>
    public bool IsTitle => Index == 0;
}
