namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// The language-model tokens a workspace used, per calendar month (UTC) (key: the workspace id). The fold of the
/// workspace's <c>ai-usage</c> stream, so the monthly budget holds across nodes and restarts.
/// </summary>
public interface IAiUsageGrain : IGrainWithStringKey
{
    /// <summary>Tokens used in the month (see <see cref="AiUsageMonth.Key"/>) of <paramref name="now"/>; 0 for a month without calls.</summary>
    Task<long> GetUsedAsync(DateTimeOffset now);

    /// <summary>Records one language-model call's tokens against the month of its <see cref="RecordAiTokens.Now"/>; 0 tokens records nothing.</summary>
    Task RecordAsync(RecordAiTokens command);

    /// <summary>Every month with usage, newest first (the admins' view).</summary>
    Task<IReadOnlyList<AiUsageMonth>> ListMonthsAsync();
}
