using System.Text.RegularExpressions;

namespace Crm.Ai.Text;

/// <summary>
/// Details an article says the team needs to act ("contact us with your order number"), and whether the customer has
/// already given them. Asking for what is missing up front saves a round trip.
/// </summary>
public static partial class MissingDetails
{
    public sealed record Detail(string Name, string Question, Regex Given);

    public static readonly IReadOnlyList<Detail> Known =
    [
        new("order number", "your order number (it starts with # in your confirmation email)", OrderNumber()),
        new("serial number", "the serial number on the back of the device", SerialNumber()),
        new("photo", "a photo of the damage and of the box", Photo()),
        new("phone model", "your phone model and its operating system version", PhoneModel()),
    ];

    private static readonly string[] AskingCues = ["with your", "we need", "tell us", "contact us", "include", "send us", "helps us"];

    [GeneratedRegex(@"#\s?\d{4,}|\b\d{5,}\b|\border\s*(?:number|no\.?|nr\.?|id)?\s*[:#]?\s*[a-z]{0,3}-?\d{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"\b(?:s/?n|serial)\b[^\n]{0,20}?[a-z0-9]{6,}|\b[a-z]{2}\d{6,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex SerialNumber();

    [GeneratedRegex(@"\b(?:photo|picture|pic|image|screenshot)s?\b[^\n]{0,20}\b(?:attached|here|uploaded|below)|\b(?:attached|attaching|uploaded|here is|here's)\b[^\n]{0,20}\b(?:photo|picture|pic|image)", RegexOptions.IgnoreCase)]
    private static partial Regex Photo();

    [GeneratedRegex(@"\b(?:iphone|ipad|android|samsung|galaxy|pixel|oneplus|xiaomi|huawei|ios\s?\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneModel();

    /// <summary>The details the article's own words ask the customer for, that no customer message has given yet.</summary>
    public static IReadOnlyList<Detail> Missing(string articleText, IEnumerable<string> customerTexts)
    {
        var sentences = articleText.Split(['.', '\n', ':'], StringSplitOptions.RemoveEmptyEntries);
        var asked = Known.Where(d => sentences.Any(s =>
            s.Contains(d.Name, StringComparison.OrdinalIgnoreCase) && AskingCues.Any(c => s.Contains(c, StringComparison.OrdinalIgnoreCase))));
        var given = string.Join('\n', customerTexts);
        return asked.Where(d => !d.Given.IsMatch(given)).ToList();
    }
}
