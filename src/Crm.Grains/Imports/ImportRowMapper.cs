using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Attributes;
using Crm.Grains.Conversations;
using Crm.Grains.Customers;

namespace Crm.Grains.Imports;

/// <summary>
/// Turns one CSV record into a customer by the mapping, with the same rules a save applies (lengths, email, E.164
/// phone, tags, the workspace's attribute schema), or into the issues that keep it out, by row and column. A row is
/// imported whole or not at all.
/// </summary>
public sealed class ImportRowMapper(IReadOnlyList<string> headers, IReadOnlyList<string> mapping, IReadOnlyList<AttributeDefinition> attributes)
{
    private const int MaxTags = 50;

    public ImportCandidate? Map(CsvRecord record, List<ImportIssue> issues)
    {
        var before = issues.Count;
        if (record.Error is { } error) issues.Add(new ImportIssue(record.Line, ColumnName(record.ErrorColumn - 1), error));
        if (record.Cells.Length > headers.Count)
            issues.Add(new ImportIssue(record.Line, $"column {headers.Count + 1}",
                $"The row has {record.Cells.Length} cells but the header {headers.Count}: a delimiter or quote out of place? The row was not imported."));
        if (issues.Count > before) return null;

        string? name = null, first = null, last = null, email = null, phone = null, company = null;
        var tags = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < mapping.Count && i < record.Cells.Length; i++)
        {
            var target = mapping[i];
            var cell = record.Cells[i].Trim();
            if (target == ImportTargets.Ignore || cell.Length == 0) continue;
            try
            {
                switch (target)
                {
                    case ImportTargets.Name: name = Field(cell, "name"); break;
                    case ImportTargets.FirstName: first = Field(cell, "first name"); break;
                    case ImportTargets.LastName: last = Field(cell, "last name"); break;
                    case ImportTargets.Company: company = Field(cell, "company name"); break;
                    case ImportTargets.Email:
                        email = ContactFormats.Email(Field(cell, "email")) ?? throw Invalid($"'{cell}' is not an email address.");
                        break;
                    case ImportTargets.Phone:
                        phone = ContactFormats.Phone(Field(cell, "phone"))
                            ?? throw Invalid($"'{cell}' is not a phone number with its country code (e.g. +44 20 7946 0000).");
                        break;
                    case ImportTargets.Tags:
                        tags.AddRange(cell.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(ConversationRules.NormalizeLabel));
                        if (tags.Distinct().Count() > MaxTags) throw Invalid($"A customer can carry at most {MaxTags} tags.");
                        break;
                    default:
                        var key = target[ImportTargets.AttributePrefix.Length..];
                        values[key] = AttributeRules.Normalize(attributes.First(a => a.Key == key), cell);
                        break;
                }
            }
            catch (DomainException ex)
            {
                issues.Add(new ImportIssue(record.Line, ColumnName(i), ex.Message));
            }
        }
        name ??= first is null && last is null ? null : string.Join(' ', new[] { first, last }.OfType<string>());
        if (name is null) issues.Add(new ImportIssue(record.Line, null, "The row has no name; every customer needs one."));
        if (issues.Count > before) return null;
        return new ImportCandidate(record.Line, name!, email, phone, company, tags.Distinct().ToList(), values);
    }

    private string? ColumnName(int index) =>
        index < 0 ? null : index < headers.Count && headers[index].Length > 0 ? headers[index] : $"column {index + 1}";

    private static string Field(string value, string what) => UpsertCustomer.Optional(value, what)!;

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
