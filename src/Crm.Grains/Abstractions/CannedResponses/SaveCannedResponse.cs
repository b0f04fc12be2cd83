namespace Crm.Grains.Abstractions.CannedResponses;

/// <summary>Creates or replaces the response with this shortcut.</summary>
[GenerateSerializer, Immutable, Alias("crm.canned-responses.save-canned-response")]
public sealed record SaveCannedResponse(string Shortcut, string Title, string Body, string Actor);
