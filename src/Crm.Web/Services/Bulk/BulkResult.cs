namespace Crm.Web.Services.Bulk;

/// <summary>
/// The counts of a bulk action and each record's outcome. <paramref name="Matched"/> is how many records the selection
/// named (a filter may match more than the <see cref="BulkSelection.MaxIds"/> one call takes).
/// </summary>
public sealed record BulkResult(int Changed, int Skipped, int Failed, int Matched, IReadOnlyList<BulkItem> Items)
{
    public static BulkResult Of(IReadOnlyList<BulkItem> items, int matched) => new(
        items.Count(i => i.Outcome == BulkItem.Changed), items.Count(i => i.Outcome == BulkItem.Skipped),
        items.Count(i => i.Outcome == BulkItem.Failed), matched, items);
}
