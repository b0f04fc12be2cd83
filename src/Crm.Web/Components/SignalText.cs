using Crm.Grains.Abstractions.Ai;

namespace Crm.Web.Components;

/// <summary>How every suggestion shows its reasons: each weighted signal as "name value×weight".</summary>
public static class SignalText
{
    public static string Format(IEnumerable<Signal> signals) =>
        string.Join(" · ", signals.Where(s => s.Weight > 0).Select(s => $"{s.Name} {s.Value:0.##}×{s.Weight:0.##}"));
}
