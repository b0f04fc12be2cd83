using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>
/// A duplicate row applied to the customer it matched. Update: the row's non-empty cells win. Merge: the row only fills
/// what the customer lacks. Tags are united either way; an import never removes anything.
/// </summary>
public static class ImportFold
{
    /// <summary>Onto a customer created earlier in the same batch, before anything is written.</summary>
    public static ImportCandidate Apply(ImportCandidate target, ImportCandidate row, DuplicateMode mode)
    {
        var update = mode == DuplicateMode.Update;
        return target with
        {
            Name = update ? row.Name : target.Name,
            Email = Pick(target.Email, row.Email, update),
            Phone = Pick(target.Phone, row.Phone, update),
            CompanyName = Pick(target.CompanyName, row.CompanyName, update),
            Tags = target.Tags.Union(row.Tags).ToList(),
            Attributes = Attributes(target.Attributes, row.Attributes, update),
        };
    }

    /// <summary>Onto a stored customer: the save that leaves company, owner and untouched attributes as they are.</summary>
    public static SaveCustomer Apply(CustomerDetails target, IEnumerable<ImportCandidate> rows, DuplicateMode mode, string actor)
    {
        var folded = new ImportCandidate(0, target.Name, target.Email, target.Phone, target.CompanyName, target.Tags ?? [],
            target.Attributes ?? new Dictionary<string, string>());
        folded = rows.Aggregate(folded, (current, row) => Apply(current, row, mode));
        return new SaveCustomer(folded.Name, folded.Email, folded.Phone, target.CompanyId, target.OwnerId, folded.Tags,
            // Only what the rows change: a stored value whose attribute the workspace no longer defines is left alone.
            folded.Attributes.Where(a => target.Attributes?.GetValueOrDefault(a.Key) != a.Value).ToDictionary(a => a.Key, a => (string?)a.Value),
            actor, target.Version, folded.CompanyName);
    }

    private static string? Pick(string? stored, string? row, bool update) => update ? row ?? stored : stored ?? row;

    private static IReadOnlyDictionary<string, string> Attributes(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> row, bool update)
    {
        var result = new Dictionary<string, string>(stored, StringComparer.Ordinal);
        foreach (var (key, value) in row)
            if (update || !result.ContainsKey(key)) result[key] = value;
        return result;
    }
}
