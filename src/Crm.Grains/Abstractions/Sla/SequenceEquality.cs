using System.Collections.Immutable;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>Value equality for the <see cref="ImmutableArray{T}"/> members of the SLA records (the array compares by reference); a default array equals an empty one.</summary>
internal static class SequenceEquality
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        (left.IsDefault ? [] : left).AsSpan().SequenceEqual((right.IsDefault ? [] : right).AsSpan());

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        if (!items.IsDefault)
        {
            foreach (var item in items)
                hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
