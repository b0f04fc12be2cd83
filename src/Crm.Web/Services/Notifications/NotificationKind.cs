namespace Crm.Web.Services.Notifications;

/// <summary>What a notification is about; the centre picks its icon from it.</summary>
public enum NotificationKind
{
    Offered,
    Assigned,
    CustomerReplied,
    Mentioned,
    SlaDueSoon,
}
