namespace Crm.Grains.Abstractions.Search;

/// <summary>The search engine cannot answer (not reachable, not opened). The edge says "search is unavailable"; nothing else fails.</summary>
[GenerateSerializer, Alias("crm.search.unavailable")]
public sealed class SearchUnavailableException : Exception
{
    public SearchUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
