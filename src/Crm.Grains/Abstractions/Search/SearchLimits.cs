namespace Crm.Grains.Abstractions.Search;

/// <summary>The stated limits of a search: longer queries are cut (and the answer says so), never refused.</summary>
public static class SearchLimits
{
    /// <summary>Characters of query text looked at; the rest is cut.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Words of query text looked at; the rest is cut.</summary>
    public const int MaxQueryWords = 12;

    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Text kept per document and field: a conversation past it stops growing in the index (its first messages stay findable).</summary>
    public const int MaxTextCharacters = 200_000;
}
