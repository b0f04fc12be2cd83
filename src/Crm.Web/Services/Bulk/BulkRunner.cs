using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Services.Bulk;

/// <summary>
/// Runs one bulk action over its records, a few at a time: each record goes through its own grain (the same command
/// as a single edit, so the timeline and the audit show it), and a refusal fails that record only, with its reason.
/// </summary>
public static class BulkRunner
{
    // Each record is a grain call (and a commit): a handful in flight keeps the store's group commit busy without
    // flooding the silo with one call's 500 activations at once.
    private const int InFlight = 8;

    public static async Task<BulkResult> RunAsync(IReadOnlyList<string> ids, int matched, Func<string, Task<BulkItem>> action)
    {
        var items = new BulkItem[ids.Count];
        for (var start = 0; start < ids.Count; start += InFlight)
        {
            var batch = Enumerable.Range(start, Math.Min(InFlight, ids.Count - start));
            await Task.WhenAll(batch.Select(async i => items[i] = await OneAsync(ids[i], action)));
        }
        return BulkResult.Of(items, matched);
    }

    private static async Task<BulkItem> OneAsync(string id, Func<string, Task<BulkItem>> action)
    {
        try
        {
            return await action(id);
        }
        catch (DomainException refused)
        {
            return new BulkItem(id, BulkItem.Failed, refused.Message);
        }
    }
}
