namespace Crm.Grains.Directory;

/// <summary>
/// The fingerprints a contact is filed under in the <see cref="DuplicateIndex"/>: its case-folded email, E.164 phone,
/// email domain (free mail aside) and company, each a 64-bit FNV-1a hash of the kind and the key; 0 is "none".
/// <see cref="None"/> is a contact that is not filed at all (no profile, or merged into another).
/// </summary>
public readonly record struct DuplicateKeys(ulong Email, ulong Phone, ulong Domain, ulong Company)
{
    public static DuplicateKeys None => default;

    public static DuplicateKeys Of(string name, string? email, string? phone, string? companyId)
    {
        var k = DuplicateRules.Keys(name, email, phone);
        return new(Fingerprint('e', k.Email), Fingerprint('p', k.Phone), Fingerprint('d', k.Domain), Fingerprint('c', companyId));
    }

    /// <summary>The fingerprints present, each once.</summary>
    public IEnumerable<ulong> All
    {
        get
        {
            if (Email != 0) yield return Email;
            if (Phone != 0 && Phone != Email) yield return Phone;
            if (Domain != 0 && Domain != Email && Domain != Phone) yield return Domain;
            if (Company != 0 && Company != Email && Company != Phone && Company != Domain) yield return Company;
        }
    }

    public bool Has(ulong key) => key != 0 && (key == Email || key == Phone || key == Domain || key == Company);

    /// <summary>FNV-1a 64 over the kind and the key; stable across processes, though only ever held in memory.</summary>
    private static ulong Fingerprint(char kind, string? key)
    {
        if (key is null) return 0;
        var hash = (14695981039346656037UL ^ kind) * 1099511628211UL;
        foreach (var c in key) hash = (hash ^ c) * 1099511628211UL;
        return hash == 0 ? 1 : hash;
    }
}
