using System.Globalization;

namespace Crm.Ai.LanguageModel;

/// <summary>How every language-model path says the workspace's budget is spent, so the reason reads the same everywhere.</summary>
public static class TokenBudget
{
    public static string SpentReason(long used, long budget) =>
        $"the workspace's monthly token budget is used up ({used.ToString("N0", CultureInfo.InvariantCulture)} of {budget.ToString("N0", CultureInfo.InvariantCulture)} tokens)";
}
