using Crm.Web.Services.Bulk;

namespace Crm.Web.Components.Lists;

/// <summary>A bulk result in one line for a snackbar: the counts, and the first failure's reason.</summary>
public static class BulkResultText
{
    public static string Of(BulkResult r)
    {
        var failure = r.Items.FirstOrDefault(i => i.Outcome == BulkItem.Failed);
        var more = r.Matched > r.Items.Count ? $" {r.Matched - r.Items.Count} more match: run it again." : "";
        return $"{r.Changed} changed, {r.Skipped} skipped, {r.Failed} failed{(failure is null ? "" : $" ({failure.Id}: {failure.Reason})")}.{more}";
    }
}
