namespace Crm.Grains.Audit;

/// <summary>
/// A field's value after an event, as text; null = not set. <see cref="Previous"/> is what the event itself says the
/// value was (a status change carries its "from"), used when the fold has not seen the field set yet.
/// </summary>
internal readonly record struct FieldValue(string Field, string? Value, string? Previous = null);
