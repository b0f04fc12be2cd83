namespace Crm.Grains.Abstractions.Keys;

/// <summary>
/// The one place event-stream ids are built: "{workspaceId}/{category}/{id}". The workspace id comes first
/// so a workspace's events share a prefix (projections read a workspace or a category by prefix).
/// </summary>
public static class StreamIds
{
    public const string WorkspaceCategory = "workspace";
    public const string CustomerCategory = "customer";
    public const string ConversationCategory = "conversation";
    public const string AgentCategory = "agent";
    public const string QueueCategory = "queue";
    public const string CannedResponsesCategory = "canned-responses";
    public const string MailOutboxCategory = "mail-outbox";
    public const string RoutingCategory = "routing";

    public static string For(string category, string workspaceId, string id) =>
        $"{Ids.Require(workspaceId, "workspace")}/{category}/{Ids.Require(id, category)}";

    public static string Workspace(string workspaceId) => For(WorkspaceCategory, workspaceId, workspaceId);

    /// <summary>The router's own stream: one per workspace.</summary>
    public static string Routing(string workspaceId) => For(RoutingCategory, workspaceId, "all");

    /// <summary>The prefix shared by every stream of one workspace, whatever its category.</summary>
    public static string WorkspacePrefix(string workspaceId) => $"{Ids.Require(workspaceId, "workspace")}/";

    /// <summary>The prefix shared by every stream of one category in one workspace.</summary>
    public static string CategoryPrefix(string category, string workspaceId) =>
        $"{Ids.Require(workspaceId, "workspace")}/{category}/";
}
