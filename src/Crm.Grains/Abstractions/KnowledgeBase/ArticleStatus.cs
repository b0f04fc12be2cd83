namespace Crm.Grains.Abstractions.KnowledgeBase;

[GenerateSerializer, Alias("crm.knowledge-base.article-status")]
public enum ArticleStatus
{
    /// <summary>Never published, or taken off the help center.</summary>
    Draft = 0,

    /// <summary>A version is on the help center (the draft may have changed since: see HasUnpublishedChanges).</summary>
    Published = 1,
}
