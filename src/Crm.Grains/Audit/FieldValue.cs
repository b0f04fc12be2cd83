namespace Crm.Grains.Audit;

/// <summary>A field's value after an event, as text; null = not set.</summary>
internal readonly record struct FieldValue(string Field, string? Value);
