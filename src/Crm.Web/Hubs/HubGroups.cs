namespace Crm.Web.Hubs;

/// <summary>SignalR group names, built only here; each starts with the workspace id.</summary>
public static class HubGroups
{
    public static string Conversation(string workspaceId, string conversationId) => $"{workspaceId}/conversation/{conversationId}";
    public static string Inbox(string workspaceId) => $"{workspaceId}/inbox";
    public static string Queue(string workspaceId, string queueId) => $"{workspaceId}/queue/{queueId}";
    public static string Agents(string workspaceId) => $"{workspaceId}/agents";

    /// <summary>Every widget connection of a workspace (on the widget hub): told when agents become (un)available.</summary>
    public static string Widgets(string workspaceId) => $"{workspaceId}/widgets";

    /// <summary>The widget connections of one conversation's visitor (on the widget hub, apart from the console's groups).</summary>
    public static string Visitor(string workspaceId, string conversationId) => $"{workspaceId}/visitor/{conversationId}";
}
