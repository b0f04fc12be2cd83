namespace Crm.Web.Services.Notifications;

/// <summary>One entry of the console's notification centre: what happened, where it leads, whether it was read.</summary>
public sealed record ConsoleNotification(Guid Id, NotificationKind Kind, string Title, string Body, string ConversationId, DateTimeOffset At, bool Read = false);
