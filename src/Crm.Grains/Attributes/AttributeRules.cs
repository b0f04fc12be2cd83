using System.Globalization;
using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Customers;

namespace Crm.Grains.Attributes;

/// <summary>
/// Definitions' shape, and every value written to a custom attribute: checked against its definition and stored in one
/// canonical form (numbers invariant, dates yyyy-MM-dd, choices as defined, several choices joined by "; ").
/// </summary>
public static partial class AttributeRules
{
    public const int MaxAttributes = 100;
    public const int MaxOptions = 100;
    public const int MaxValueLength = 1_000;
    public const string ChoiceSeparator = "; ";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();

    public static AttributeDefinition RequireDefinition(DefineAttribute command)
    {
        if (!Enum.IsDefined(command.Target)) throw Invalid($"Unknown record kind {(int)command.Target}.");
        if (!Enum.IsDefined(command.Kind)) throw Invalid($"Unknown attribute kind {(int)command.Kind}.");
        if (command.Key is null || !KeyPattern().IsMatch(command.Key))
            throw Invalid("An attribute key is 1–40 characters of a–z, 0–9 and '_', starting with a letter.");
        var label = command.Label?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > 80) throw Invalid("An attribute needs a label of 1–80 characters.");
        var options = (command.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        var isChoice = command.Kind is AttributeKind.Choice or AttributeKind.MultiChoice;
        if (isChoice && options.Count == 0) throw Invalid("A choice attribute needs at least one option.");
        if (!isChoice && options.Count > 0) throw Invalid("Only choice attributes have options.");
        if (options.Count > MaxOptions) throw Invalid($"A choice attribute has at most {MaxOptions} options.");
        if (options.Any(o => o.Length is 0 or > 80 || o.Contains(';')))
            throw Invalid("Each option is 1–80 characters without ';'.");
        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count) throw Invalid("Options must differ from each other.");
        return new AttributeDefinition(command.Target, command.Key, label, command.Kind, options);
    }

    /// <summary>
    /// The changes <paramref name="values"/> make to <paramref name="current"/>: set (normalized) and removed (a null or
    /// blank value). Refuses a key the workspace does not define, or a value not of its kind, naming both.
    /// </summary>
    public static (Dictionary<string, string> Set, List<string> Removed) Changes(
        IReadOnlyList<AttributeDefinition> definitions, IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> values)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var (key, value) in values)
        {
            var definition = definitions.FirstOrDefault(d => d.Key == key)
                ?? throw Invalid($"'{key}' is not an attribute this workspace defines.");
            if (string.IsNullOrWhiteSpace(value))
            {
                if (current.ContainsKey(key)) removed.Add(key);
                continue;
            }
            var normalized = Normalize(definition, value);
            if (!current.TryGetValue(key, out var old) || old != normalized) set[key] = normalized;
        }
        return (set, removed);
    }

    /// <summary>The canonical form of <paramref name="value"/>, or a refusal that names the attribute and the value.</summary>
    public static string Normalize(AttributeDefinition definition, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > MaxValueLength) throw Invalid($"{definition.Label}: at most {MaxValueLength} characters.");
        return definition.Kind switch
        {
            AttributeKind.Text => trimmed,
            AttributeKind.Number => decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture)
                : throw Invalid($"{definition.Label}: '{trimmed}' is not a number (use digits and '.', e.g. 1250.50)."),
            AttributeKind.Date => DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : throw Invalid($"{definition.Label}: '{trimmed}' is not a date (yyyy-MM-dd)."),
            AttributeKind.Choice => Option(definition, trimmed),
            AttributeKind.MultiChoice => string.Join(ChoiceSeparator, trimmed.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(o => Option(definition, o)).Distinct().OrderBy(o => definition.Options.ToList().IndexOf(o))),
            AttributeKind.Url => ContactFormats.Url(trimmed) ?? throw Invalid($"{definition.Label}: '{trimmed}' is not a web address (http:// or https://)."),
            AttributeKind.Email => ContactFormats.Email(trimmed) ?? throw Invalid($"{definition.Label}: '{trimmed}' is not an email address."),
            AttributeKind.Phone => ContactFormats.Phone(trimmed) ?? throw Invalid($"{definition.Label}: '{trimmed}' is not a phone number with its country code (e.g. +44 20 7946 0000)."),
            _ => throw Invalid($"{definition.Label}: unknown kind."),
        };
    }

    private static string Option(AttributeDefinition definition, string value) =>
        definition.Options.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase))
        ?? throw Invalid($"{definition.Label}: '{value}' is not one of {string.Join(", ", definition.Options)}.");

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
