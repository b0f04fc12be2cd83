namespace Crm.Web.Services.Bulk;

/// <summary>What a bulk action did to one record: "changed", "skipped" (nothing to do, with why) or "failed" (with why).</summary>
public sealed record BulkItem(string Id, string Outcome, string? Reason = null)
{
    public const string Changed = "changed";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public static BulkItem Done(string id) => new(id, Changed);

    public static BulkItem Skip(string id, string reason) => new(id, Skipped, reason);
}
