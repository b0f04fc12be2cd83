namespace Crm.Grains.Audit;

/// <summary>What an event did, in words, and the field values it leaves behind (the fold turns those into changes).</summary>
internal sealed record AuditDescription(string Action, string? Detail, IReadOnlyList<FieldValue> Sets)
{
    public static AuditDescription Of(string action, string? detail = null, params FieldValue[] sets) => new(action, detail, sets);
}
