namespace Crm.Ai;

/// <summary>
/// Bound from "Crm:Ai". Without <see cref="Endpoint"/> and <see cref="Model"/> the offline engine answers everything;
/// with both, drafts go to that OpenAI-compatible endpoint and fall back to the offline engine (with the reason) on a
/// timeout, an error, an ungrounded answer or a spent budget.
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "Crm:Ai";

    /// <summary>Base address of an OpenAI-compatible API, including its version segment (e.g. https://api.openai.com/v1).</summary>
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>A draft later than this is worth nothing to an agent mid-conversation; kept under the assistant grain's own timeout.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>Tokens (prompt and completion, tool rounds included) a workspace may use per calendar month (UTC).</summary>
    public long MonthlyTokenBudget { get; set; } = 1_000_000;

    /// <summary>Replace emails, phone and card-like numbers by placeholders before any text leaves the process.</summary>
    public bool RedactPersonalData { get; set; }

    /// <summary>Per-workspace overrides ("Crm:Ai:Workspaces:{workspaceId}:…"), keyed by workspace id.</summary>
    public Dictionary<string, WorkspaceAiOptions> Workspaces { get; set; } = new(StringComparer.Ordinal);

    public bool UsesLanguageModel => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public bool RedactsFor(string workspaceId) => Workspaces.GetValueOrDefault(workspaceId)?.RedactPersonalData ?? RedactPersonalData;

    public long BudgetFor(string workspaceId) => Workspaces.GetValueOrDefault(workspaceId)?.MonthlyTokenBudget ?? MonthlyTokenBudget;

    /// <summary>Fails at startup, with the key to fix, rather than on the first draft.</summary>
    public void Validate()
    {
        if (!UsesLanguageModel) return;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"{SectionName}:Endpoint must be an absolute http(s) address, e.g. https://api.openai.com/v1.");
        if (TimeoutSeconds is <= 0 or > 60)
            throw new InvalidOperationException($"{SectionName}:TimeoutSeconds must be between 0 and 60.");
        if (MonthlyTokenBudget < 0 || Workspaces.Values.Any(w => w.MonthlyTokenBudget < 0))
            throw new InvalidOperationException($"{SectionName}:MonthlyTokenBudget cannot be negative.");
    }
}

/// <summary>What one workspace changes from the defaults of <see cref="AiOptions"/>.</summary>
public sealed class WorkspaceAiOptions
{
    public bool? RedactPersonalData { get; set; }
    public long? MonthlyTokenBudget { get; set; }
}
