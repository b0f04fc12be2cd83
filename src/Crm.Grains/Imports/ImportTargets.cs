using Crm.Grains.Abstractions.Attributes;

namespace Crm.Grains.Imports;

/// <summary>The fields a column can be imported into, and what a mapping must look like.</summary>
public static class ImportTargets
{
    public const string Name = "name";
    public const string FirstName = "first-name";
    public const string LastName = "last-name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Company = "company";
    public const string Tags = "tags";
    public const string Ignore = "ignore";
    public const string AttributePrefix = "attr:";

    public static readonly IReadOnlyList<string> Fields = [Name, FirstName, LastName, Email, Phone, Company, Tags];

    public static string Attribute(string key) => AttributePrefix + key;

    /// <summary>Null when the mapping is usable, else why not: an unknown target, a field mapped twice, no name.</summary>
    public static string? Problem(IReadOnlyList<string> mapping, int columns, IReadOnlyList<AttributeDefinition> attributes)
    {
        if (mapping.Count != columns) return $"The mapping needs one target per column: {columns}, not {mapping.Count}.";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mapping.Count; i++)
        {
            var target = mapping[i];
            if (target == Ignore) continue;
            var known = Fields.Contains(target)
                || (target.StartsWith(AttributePrefix, StringComparison.Ordinal) && attributes.Any(a => a.Key == target[AttributePrefix.Length..]));
            if (!known)
                return $"Column {i + 1}: '{target}' is not a target; use {string.Join(", ", Fields)}, attr:{{key}} of a customer attribute, or ignore.";
            if (!seen.Add(target)) return $"'{target}' is mapped from two columns; map it from one.";
        }
        return seen.Contains(Name) || seen.Contains(FirstName) || seen.Contains(LastName)
            ? null
            : "Map a column to the name (or first-name / last-name): every customer needs one.";
    }
}
