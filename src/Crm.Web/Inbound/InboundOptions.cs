namespace Crm.Web.Inbound;

/// <summary>
/// Integration keys of the inbound and outbound-mail endpoints, per workspace: <c>Crm:Inbound:Keys:{workspaceId}</c>
/// holds one or more comma-separated secrets (several, so a key can be rotated without downtime). A workspace with
/// no key refuses every call.
/// </summary>
public sealed class InboundOptions
{
    public const string SectionName = "Crm:Inbound";

    /// <summary>The request header that carries the key.</summary>
    public const string KeyHeader = "X-Crm-Inbound-Key";

    /// <summary>Shorter secrets are refused at start: a key is the only thing guarding a workspace's mail.</summary>
    public const int MinKeyLength = 16;

    // Configuration keys are case-insensitive (an environment variable may spell the workspace in capitals).
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> SecretsFor(string workspaceId) =>
        Keys.TryGetValue(workspaceId, out var value) ? Split(value) : [];

    public static IReadOnlyList<string> Split(string? value) =>
        value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
