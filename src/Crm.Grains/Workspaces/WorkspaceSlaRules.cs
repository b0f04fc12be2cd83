using System.Collections.Immutable;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Workspaces;

/// <summary>What a workspace accepts as SLA settings, checked before <c>WorkspaceSlaConfigured</c> is raised.</summary>
public static class WorkspaceSlaRules
{
    /// <summary>
    /// The longest target. Due instants are found by walking open time day by day, so an absurd target (years of
    /// business time) would make every evaluation slow; no real SLA comes near a year.
    /// </summary>
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(365);

    /// <summary>Validated and normalized settings (hours and targets sorted, holidays distinct), so equal settings compare equal.</summary>
    public static (BusinessCalendar Calendar, SlaPolicy Policy) Require(BusinessCalendar? calendar, SlaPolicy? policy)
    {
        if (calendar is null)
            throw Invalid("SLA settings need a business calendar.");
        if (policy is null)
            throw Invalid("SLA settings need a policy (it may have no targets, for no SLA).");

        // Arrays arriving from the wire can be default (not empty); Create would throw on them instead of explaining.
        var normalizedCalendar = BusinessCalendar.Create(
            calendar.TimeZoneId, OrEmpty(calendar.OpeningHours), OrEmpty(calendar.Holidays));
        var normalizedPolicy = SlaPolicy.Create(OrEmpty(policy.Targets));
        foreach (var targets in normalizedPolicy.Targets)
        {
            foreach (var metric in Enum.GetValues<SlaMetric>())
            {
                if (targets.For(metric) > MaxTarget)
                    throw Invalid($"The {metric} target for {targets.Priority} priority can be at most {MaxTarget.TotalDays:0} days.");
            }
        }

        return (normalizedCalendar, normalizedPolicy);
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
