using Crm.Grains.Abstractions.Attributes;

namespace Crm.Grains.Imports;

/// <summary>
/// A target for each header cell, from its words: "E-mail", "Email Address" → email; "Phone number", "Mobile" → phone;
/// "Company", "Organisation" → company; a customer attribute's key or label → that attribute; else ignore. Each target
/// is suggested once, for its first column.
/// </summary>
public static class ColumnSuggestions
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["name"] = ImportTargets.Name, ["fullname"] = ImportTargets.Name, ["contact"] = ImportTargets.Name,
        ["contactname"] = ImportTargets.Name, ["customer"] = ImportTargets.Name, ["customername"] = ImportTargets.Name,
        ["firstname"] = ImportTargets.FirstName, ["givenname"] = ImportTargets.FirstName, ["forename"] = ImportTargets.FirstName,
        ["first"] = ImportTargets.FirstName, ["vorname"] = ImportTargets.FirstName, ["prenom"] = ImportTargets.FirstName,
        ["lastname"] = ImportTargets.LastName, ["surname"] = ImportTargets.LastName, ["familyname"] = ImportTargets.LastName,
        ["last"] = ImportTargets.LastName, ["nachname"] = ImportTargets.LastName, ["nom"] = ImportTargets.LastName,
        ["email"] = ImportTargets.Email, ["emailaddress"] = ImportTargets.Email, ["mail"] = ImportTargets.Email,
        ["emailadresse"] = ImportTargets.Email, ["courriel"] = ImportTargets.Email,
        ["phone"] = ImportTargets.Phone, ["phonenumber"] = ImportTargets.Phone, ["telephone"] = ImportTargets.Phone,
        ["tel"] = ImportTargets.Phone, ["mobile"] = ImportTargets.Phone, ["mobilephone"] = ImportTargets.Phone,
        ["mobilenumber"] = ImportTargets.Phone, ["cell"] = ImportTargets.Phone, ["cellphone"] = ImportTargets.Phone,
        ["telefon"] = ImportTargets.Phone, ["phoneno"] = ImportTargets.Phone,
        ["company"] = ImportTargets.Company, ["companyname"] = ImportTargets.Company, ["organization"] = ImportTargets.Company,
        ["organisation"] = ImportTargets.Company, ["account"] = ImportTargets.Company, ["accountname"] = ImportTargets.Company,
        ["employer"] = ImportTargets.Company, ["firma"] = ImportTargets.Company, ["org"] = ImportTargets.Company,
        ["tags"] = ImportTargets.Tags, ["tag"] = ImportTargets.Tags, ["labels"] = ImportTargets.Tags,
    };

    public static IReadOnlyList<string> Suggest(IReadOnlyList<string> headers, IReadOnlyList<AttributeDefinition> attributes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return headers.Select(header =>
        {
            var target = Suggest(header, attributes);
            return target == ImportTargets.Ignore || taken.Add(target) ? target : ImportTargets.Ignore;
        }).ToList();
    }

    public static string Suggest(string header, IReadOnlyList<AttributeDefinition> attributes)
    {
        var word = Fold(header);
        if (word.Length == 0) return ImportTargets.Ignore;
        if (Synonyms.TryGetValue(word, out var field)) return field;
        var attribute = attributes.FirstOrDefault(a => Fold(a.Key) == word || Fold(a.Label) == word);
        if (attribute is not null) return ImportTargets.Attribute(attribute.Key);
        // "Work phone", "Primary e-mail": a contact word at either end decides. Only for email and phone: "Account
        // manager" is not a company, nor "User name" a customer's name.
        foreach (var (synonym, target) in Synonyms)
            if (target is ImportTargets.Email or ImportTargets.Phone && synonym.Length >= 4 && (word.StartsWith(synonym, StringComparison.Ordinal) || word.EndsWith(synonym, StringComparison.Ordinal)))
                return target;
        return ImportTargets.Ignore;
    }

    /// <summary>Letters and digits only, lowercased, accents dropped ("E-Mail-Adresse" → "emailadresse").</summary>
    public static string Fold(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        return string.Concat(normalized.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
    }
}
