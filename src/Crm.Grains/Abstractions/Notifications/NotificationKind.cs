namespace Crm.Grains.Abstractions.Notifications;

/// <summary>What a notification is about; the console picks its icon from it. Stored by name, append only.</summary>
[GenerateSerializer]
public enum NotificationKind
{
    Offered,
    Assigned,
    CustomerReplied,
    Mentioned,
    SlaDueSoon,
}
