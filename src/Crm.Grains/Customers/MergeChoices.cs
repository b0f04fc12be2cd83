using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Customers;

/// <summary>
/// Which value of each field survives a merge: the one <c>Keep</c> names ("survivor" or "duplicate"), else the
/// survivor's, or the duplicate's when the survivor has none. Tags are united. Plain, so it tests without a cluster.
/// </summary>
public static class MergeChoices
{
    public const string Survivor = "survivor";
    public const string Duplicate = "duplicate";
    private static readonly string[] Fields = ["name", "email", "phone", "company", "owner"];

    internal static (CustomerProfile Profile, Dictionary<string, string> Chosen) Choose(
        CustomerDetails survivor, CustomerDetails duplicate, IReadOnlyDictionary<string, string>? keep)
    {
        keep ??= new Dictionary<string, string>();
        foreach (var (field, side) in keep)
        {
            if (side is not (Survivor or Duplicate))
                throw new DomainException(DomainErrorKind.Invalid, $"Keep '{field}': say \"{Survivor}\" or \"{Duplicate}\", not '{side}'.");
            if (!Fields.Contains(field) && !field.StartsWith("attr:", StringComparison.Ordinal))
                throw new DomainException(DomainErrorKind.Invalid, $"'{field}' is not a field a merge chooses; use {string.Join(", ", Fields)} or attr:<key>.");
        }
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        T? Pick<T>(string field, T? mine, T? theirs)
        {
            var side = keep.TryGetValue(field, out var s) ? s : mine is null && theirs is not null ? Duplicate : Survivor;
            chosen[field] = side;
            return side == Duplicate ? theirs : mine;
        }
        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        var keys = (survivor.Attributes?.Keys ?? []).Union(duplicate.Attributes?.Keys ?? []);
        foreach (var key in keys)
            attributes[key] = Pick($"attr:{key}", survivor.Attributes?.GetValueOrDefault(key), duplicate.Attributes?.GetValueOrDefault(key));
        var profile = new CustomerProfile(
            Pick("name", survivor.Name, duplicate.Name)!,
            Pick("email", survivor.Email, duplicate.Email),
            Pick("phone", survivor.Phone, duplicate.Phone),
            survivor.CompanyName ?? duplicate.CompanyName,
            Pick("company", survivor.CompanyId, duplicate.CompanyId),
            Pick("owner", survivor.OwnerId, duplicate.OwnerId),
            (survivor.Tags ?? []).Union(duplicate.Tags ?? []).ToList(),
            attributes);
        return (profile, chosen);
    }
}
