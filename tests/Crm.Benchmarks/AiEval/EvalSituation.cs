using System.Text.Json;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Benchmarks.AiEval;

/// <summary>One labelled support situation: the thread and its circumstances, and the action expected first.</summary>
public sealed record EvalSituation(
    ActionKind Expected,
    IReadOnlyList<(AuthorKind Author, string Text)> Messages,
    double? SlaDueInMinutes,
    bool SlaBreached,
    string? DuplicateSharedField,
    int PriorConversations)
{
    public static EvalSituation From(JsonElement e) => new(
        e.GetProperty("expected").GetString() switch
        {
            "suggest-article" => ActionKind.SuggestArticle,
            "use-canned-response" => ActionKind.UseCannedResponse,
            "ask-for-details" => ActionKind.AskForDetails,
            "escalate" => ActionKind.Escalate,
            "merge-duplicate" => ActionKind.MergeDuplicate,
            var other => throw new InvalidDataException($"Unknown expected action '{other}'."),
        },
        e.GetProperty("messages").EnumerateArray()
            .Select(m => (m[0].GetString() == "agent" ? AuthorKind.Agent : AuthorKind.Customer, m[1].GetString()!)).ToList(),
        e.TryGetProperty("slaDueInMinutes", out var sla) ? sla.GetDouble() : null,
        e.TryGetProperty("slaBreached", out var breached) && breached.GetBoolean(),
        e.TryGetProperty("duplicateSharedField", out var dup) ? dup.GetString() : null,
        e.TryGetProperty("priorConversations", out var prior) ? prior.GetInt32() : 0);

    public AssistContext ToContext(string workspaceId, IReadOnlyList<CannedOption> canned, DateTimeOffset now)
    {
        var at = now.AddMinutes(-Messages.Count);
        return new AssistContext(workspaceId, "c1", "Sam Carter", "sam@example.com",
            Messages.Select((m, i) => new ContextMessage(m.Author, m.Author == AuthorKind.Agent ? "Alex" : "Sam", m.Text, at.AddMinutes(i))).ToList(),
            Priority.Normal, SlaDueInMinutes is { } minutes ? now.AddMinutes(minutes) : null, SlaBreached, now, canned,
            DuplicateSharedField is { } field ? [new DuplicateCandidate("sam-2", "Sam Carter", field)] : [], "Alex", PriorConversations);
    }

    public override string ToString() => $"{Expected}: {string.Join(" / ", Messages.Select(m => m.Text))}";
}
