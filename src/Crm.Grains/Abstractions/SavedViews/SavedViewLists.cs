namespace Crm.Grains.Abstractions.SavedViews;

/// <summary>The lists a view can be saved for, and the limits that keep one user's views small.</summary>
public static class SavedViewLists
{
    public const string Customers = "customers";
    public const string Companies = "companies";
    public const string Deals = "deals";

    public static readonly IReadOnlyList<string> All = [Customers, Companies, Deals];

    /// <summary>Views per user and list: a menu, not a database.</summary>
    public const int MaxViews = 50;

    public const int MaxNameLength = 80;
    public const int MaxFilters = 20;
    public const int MaxColumns = 30;

    /// <summary>Per filter key, value, sort and column name.</summary>
    public const int MaxValueLength = 200;

    public static bool IsKnown(string? list) => list is not null && All.Contains(list, StringComparer.Ordinal);
}
