using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Customers;

namespace Crm.Grains.Imports;

/// <summary>
/// The exact identities an import matches rows on: the case-folded email (<see cref="Directory.DuplicateRules"/>' 100)
/// and the E.164 phone (its 90), over the stored customers and the rows before. Not the
/// directory's duplicate check: an import acts on a match (skips, updates, merges), so it uses only the keys
/// that say "same person", and it has to hold a million rows: a row is remembered by its line number, not its id (the
/// id is derived from the line), and a key by a 96-bit fingerprint, not its text (a third of the memory; two different
/// keys share one with a chance of about 1 in 10^16 per million rows). It lives only in memory, so the process-seeded
/// string hash may be part of it. Similar names stay for the review queue, which scores them after the import.
/// </summary>
public sealed class ImportDuplicates(string importId)
{
    private readonly Dictionary<UInt128, long> _byEmail = [];
    private readonly Dictionary<UInt128, long> _byPhone = [];
    private readonly List<string> _stored = [];

    /// <summary>The id a row of this import creates its customer under: the same on every run, so a repeat is a no-op.</summary>
    public string RowCustomerId(long line) => $"{importId}-{line}";

    /// <summary>Files stored customers under their keys, the first holder of a key keeping it; one whose keys are all held already is not kept.</summary>
    public void AddStored(IEnumerable<DuplicateProbe> contacts)
    {
        foreach (var c in contacts)
        {
            var reference = -1 - _stored.Count;
            var added = c.Email is { } email && _byEmail.TryAdd(EmailKey(email), reference);
            added |= c.Phone is { } phone && _byPhone.TryAdd(Fingerprint(ContactFormats.Phone(phone) ?? phone), reference);
            if (added) _stored.Add(c.CustomerId!);
        }
    }

    /// <summary>Whether a customer (stored or a row before) holds the email already.</summary>
    public bool HoldsEmail(string email) => _byEmail.ContainsKey(EmailKey(email));

    /// <summary>Whether a customer (stored or a row before) holds the phone (E.164) already.</summary>
    public bool HoldsPhone(string phone) => _byPhone.ContainsKey(Fingerprint(phone));

    /// <summary>Remembers a row's customer (under <paramref name="line"/>) for the rows after it; the first holder of a key keeps it.</summary>
    public void AddRow(long line, string? email, string? phone)
    {
        if (email is not null) _byEmail.TryAdd(EmailKey(email), line);
        if (phone is not null) _byPhone.TryAdd(Fingerprint(phone), line);
    }

    /// <summary>
    /// The customer the row is the same person as, and why; null when none. A match on the row's own customer (a run
    /// resumed after it was written) is no match: the row goes on to be written again, which the store ignores.
    /// </summary>
    public (string CustomerId, long? Line, string Reason)? Find(ImportCandidate row)
    {
        if (row.Email is { } email && _byEmail.TryGetValue(EmailKey(email), out var byEmail) && Resolve(byEmail) is { } e && e.Id != RowCustomerId(row.Line))
            return (e.Id, e.Line, $"same email {ContactFormats.EmailKey(email)}");
        if (row.Phone is { } phone && _byPhone.TryGetValue(Fingerprint(phone), out var byPhone) && Resolve(byPhone) is { } p && p.Id != RowCustomerId(row.Line))
            return (p.Id, p.Line, $"same phone {phone}");
        return null;
    }

    private static UInt128 EmailKey(string email) => Fingerprint(ContactFormats.EmailKey(email));

    /// <summary>The string's own (Marvin) hash beside FNV-1a 64: two independent hashes, 96 bits together.</summary>
    private static UInt128 Fingerprint(string key)
    {
        var fnv = 14695981039346656037UL;
        foreach (var c in key) fnv = (fnv ^ c) * 1099511628211UL;
        return new UInt128((uint)key.GetHashCode(), fnv);
    }

    private (string Id, long? Line) Resolve(long reference) =>
        reference >= 0 ? (RowCustomerId(reference), reference) : (_stored[(int)(-1 - reference)], null);
}
