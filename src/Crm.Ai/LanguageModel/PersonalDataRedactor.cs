using System.Text.RegularExpressions;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// Replaces emails, card-like numbers and phone numbers by placeholders ([EMAIL_1], [CARD_1], [PHONE_1]) before text
/// leaves the process, and puts the originals back into what comes back. One instance per request: the same value
/// always gets the same placeholder, so the model can still tell two addresses apart.
/// </summary>
public sealed partial class PersonalDataRedactor
{
    /// <summary>For workspaces that do not ask for redaction: text passes unchanged.</summary>
    public static PersonalDataRedactor None { get; } = new(enabled: false);

    private readonly bool _enabled;
    private readonly Dictionary<string, string> _byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byPlaceholder = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public PersonalDataRedactor() : this(enabled: true)
    {
    }

    private PersonalDataRedactor(bool enabled) => _enabled = enabled;

    public string Redact(string text)
    {
        if (!_enabled || string.IsNullOrEmpty(text)) return text;
        // Emails first (their digits must not read as a phone), then cards (a 16-digit run must not read as a phone).
        text = Email().Replace(text, m => Placeholder("EMAIL", m.Value));
        text = Card().Replace(text, m => Digits(m.Value) is >= 13 and <= 19 ? Placeholder("CARD", m.Value) : m.Value);
        return Phone().Replace(text, m => Digits(m.Value) >= 7 ? Placeholder("PHONE", m.Value) : m.Value);
    }

    public string Restore(string text)
    {
        if (!_enabled || string.IsNullOrEmpty(text)) return text;
        lock (_lock)
            return PlaceholderPattern().Replace(text, m => _byPlaceholder.GetValueOrDefault(m.Value, m.Value));
    }

    private string Placeholder(string kind, string value)
    {
        lock (_lock)
        {
            if (_byValue.TryGetValue(value, out var known)) return known;
            var placeholder = $"[{kind}_{_byValue.Count(p => p.Value.StartsWith($"[{kind}_", StringComparison.Ordinal)) + 1}]";
            _byValue[value] = placeholder;
            _byPlaceholder[placeholder] = value;
            return placeholder;
        }
    }

    private static int Digits(string value) => value.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])")]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\w\[])\+?\(?\d[\d ().-]{5,}\d(?![\w])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\[(EMAIL|CARD|PHONE)_\d+\]")]
    private static partial Regex PlaceholderPattern();
}
