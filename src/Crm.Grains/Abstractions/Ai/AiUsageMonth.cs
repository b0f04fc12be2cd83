using System.Globalization;

namespace Crm.Grains.Abstractions.Ai;

/// <summary>A workspace's language-model usage in one calendar month (UTC), e.g. "2026-12".</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.ai-usage-month")]
public sealed record AiUsageMonth(string Month, long Tokens, int Calls)
{
    /// <summary>The month a moment falls in (UTC): the one place that decides when a budget starts afresh.</summary>
    public static string Key(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
