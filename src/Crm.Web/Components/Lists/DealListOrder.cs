using Crm.Grains.Abstractions.Deals;

namespace Crm.Web.Components.Lists;

/// <summary>The deals list's sorts, applied on the page: the board's read model answers a filter, not an order.</summary>
public static class DealListOrder
{
    public const string Default = "close";

    public static readonly (string Value, string Label)[] Labels =
        [("close", "Closing first"), ("-amount", "Largest first"), ("amount", "Smallest first"), ("title", "Title A–Z"), ("-updated", "Recently updated")];

    public static IReadOnlyList<DealDetails> Sort(IReadOnlyList<DealDetails> deals, string sort) => (sort switch
    {
        "-amount" => deals.OrderByDescending(d => d.Amount),
        "amount" => deals.OrderBy(d => d.Amount),
        "title" => deals.OrderBy(d => d.Title, StringComparer.CurrentCultureIgnoreCase),
        "-updated" => deals.OrderByDescending(d => d.UpdatedAt),
        // Deals without a close date go last: they are the least urgent.
        _ => deals.OrderBy(d => d.ExpectedClose ?? DateOnly.MaxValue),
    }).ToList();
}
