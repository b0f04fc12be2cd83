using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>
/// Skills and team ids, wherever they are given (agents, queues, conversations): lowercase slugs like every id, at
/// most <see cref="RoutingDefaults.MaxTags"/>, distinct and sorted, so two spellings of one set compare equal.
/// </summary>
public static class RoutingTags
{
    public static IReadOnlyList<string> Require(IEnumerable<string?>? tags, string what)
    {
        var normalized = (tags ?? []).Select(t => Ids.Require(t?.Trim().ToLowerInvariant(), what))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return normalized.Length <= RoutingDefaults.MaxTags
            ? normalized
            : throw new DomainException(DomainErrorKind.Invalid, $"At most {RoutingDefaults.MaxTags} {what}s, please.");
    }

    public static bool SameSet(IReadOnlyList<string>? left, IReadOnlyList<string>? right) =>
        (left ?? []).SequenceEqual(right ?? [], StringComparer.Ordinal);
}
