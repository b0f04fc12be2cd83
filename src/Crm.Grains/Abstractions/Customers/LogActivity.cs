namespace Crm.Grains.Abstractions.Customers;

/// <summary>Writes a note, call, meeting or email on the customer's timeline; a retry with the same id is a no-op.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.log-activity")]
public sealed record LogActivity(string ActivityId, ActivityKind Kind, string Text, string Actor);
