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
    public const string PreferencesCategory = "preferences";
    public const string CompanyCategory = "company";
    public const string DealCategory = "deal";
    public const string FollowUpCategory = "follow-up";
    public const string PipelinesCategory = "pipelines";
    public const string AttributesCategory = "attributes";
    public const string ArticleCategory = "kb-article";
    public const string ImportCategory = "import";
    public const string NotificationsCategory = "notifications";
    public const string SavedViewsCategory = "saved-views";
    public const string AiUsageCategory = "ai-usage";
    public const string AiFeedbackCategory = "ai-feedback";
    public const string AnswerBotCategory = "answer-bot";

    /// <summary>Every category above: what a filter by category (the audit view's) may name.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        WorkspaceCategory, CustomerCategory, ConversationCategory, AgentCategory, QueueCategory, CannedResponsesCategory, MailOutboxCategory,
        PreferencesCategory,
        CompanyCategory, DealCategory, FollowUpCategory, PipelinesCategory, AttributesCategory, ArticleCategory, ImportCategory,
        NotificationsCategory, SavedViewsCategory, AiUsageCategory, AiFeedbackCategory, AnswerBotCategory,
    ];

    public static string For(string category, string workspaceId, string id) =>
        $"{Ids.Require(workspaceId, "workspace")}/{category}/{Ids.Require(id, category)}";

    public static string Workspace(string workspaceId) => For(WorkspaceCategory, workspaceId, workspaceId);

    /// <summary>The prefix shared by every stream of one workspace.</summary>
    public static string WorkspacePrefix(string workspaceId) => $"{Ids.Require(workspaceId, "workspace")}/";

    /// <summary>Splits "{workspaceId}/{category}/{id}"; null for an id not of that form.</summary>
    public static (string WorkspaceId, string Category, string Id)? Parse(string streamId)
    {
        var parts = streamId.Split('/');
        return parts is [var workspace, var category, var id] && workspace.Length > 0 && category.Length > 0 && id.Length > 0
            ? (workspace, category, id)
            : null;
    }

    /// <summary>The router's own stream: one per workspace.</summary>
    public static string Routing(string workspaceId) => For(RoutingCategory, workspaceId, "all");

    /// <summary>The workspace's pipeline definitions: one stream per workspace.</summary>
    public static string Pipelines(string workspaceId) => For(PipelinesCategory, workspaceId, "all");

    /// <summary>The workspace's custom-attribute definitions: one stream per workspace.</summary>
    public static string Attributes(string workspaceId) => For(AttributesCategory, workspaceId, "all");

    /// <summary>One agent's notification centre: "{workspace}/notifications/{agent}".</summary>
    public static string Notifications(string workspaceId, string agentId) => For(NotificationsCategory, workspaceId, agentId);

    /// <summary>The workspace's language-model token usage: one stream per workspace.</summary>
    public static string AiUsage(string workspaceId) => For(AiUsageCategory, workspaceId, "all");

    /// <summary>The workspace's verdicts on suggestions (accepted, edited, rejected): one stream per workspace.</summary>
    public static string AiFeedback(string workspaceId) => For(AiFeedbackCategory, workspaceId, "all");

    /// <summary>The workspace's answer-bot setting: one stream per workspace.</summary>
    public static string AnswerBot(string workspaceId) => For(AnswerBotCategory, workspaceId, "all");

    /// <summary>The prefix shared by every stream of one category in one workspace.</summary>
    public static string CategoryPrefix(string category, string workspaceId) =>
        $"{Ids.Require(workspaceId, "workspace")}/{category}/";
}
