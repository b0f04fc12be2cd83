namespace Crm.Web.Tests.Widget;

/// <summary>The answer of POST /api/widget/sessions, as the widget reads it.</summary>
public sealed record WidgetSession(string Token, string WorkspaceId, string CustomerId, DateTimeOffset ExpiresAt);
