namespace Crm.Web.Inbound;

/// <summary>The "from" of an inbound message, as the gateway sends it.</summary>
public sealed record InboundSender(string? Email, string? Name);
