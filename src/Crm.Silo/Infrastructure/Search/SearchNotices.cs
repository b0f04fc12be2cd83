using Crm.Grains.Abstractions.Search;

namespace Crm.Silo.Infrastructure.Search;

/// <summary>What every engine tells the user about the query itself, in the same words.</summary>
internal static class SearchNotices
{
    public const string NothingToSearch = "Nothing to search for: type letters or digits.";

    public static string? For(SearchQuery query) => query.TextWasCut
        ? $"Only the first {SearchLimits.MaxQueryLength} characters ({SearchLimits.MaxQueryWords} words) of the query were searched."
        : null;
}
