namespace Crm.Grains.Abstractions.Search;

/// <summary>The facet names every engine counts, the same names the filters of <see cref="SearchQuery"/> use.</summary>
public static class SearchFacets
{
    public const string Kind = "kind";
    public const string Status = "status";
    public const string Channel = "channel";
    public const string Assignee = "assignee";
    public const string Label = "label";

    public static readonly IReadOnlyList<string> All = [Kind, Status, Channel, Assignee, Label];
}
