namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>The index's field names, and what each holds.</summary>
internal static class LuceneFields
{
    /// <summary>Workspace|kind|id: what a document is replaced by.</summary>
    public const string Key = "key";
    public const string Workspace = "ws";
    public const string Kind = "kind";

    /// <summary>Short fields (names, company, subject) as whole words, and as edge n-grams for as-you-type prefixes.</summary>
    public const string Name = "name";
    public const string NameGrams = "name.g";

    /// <summary>
    /// Email addresses from each of their parts onwards, whole (typed fragments longer than the grams are looked up by
    /// prefix here: they are selective), and as edge n-grams of up to <see cref="EmailGramLength"/> characters.
    /// </summary>
    public const string Email = "email";
    public const string EmailGrams = "email.g";
    public const int EmailGramLength = 10;

    /// <summary>
    /// Every tail of a phone number's digits, whole, and as edge n-grams of up to <see cref="PhoneGramLength"/> digits.
    /// Three or four typed digits are one gram lookup (a prefix query there would expand to thousands of tails); five or
    /// more are a prefix query on the whole tails, which few enough share. Grams of five to seven digits were almost all
    /// unique to one customer, and writing those terms was a fifth of the cost of indexing a customer
    /// (206 → 154 µs of CPU per document, and type-ahead with phone numbers typed no slower).
    /// </summary>
    public const string Phone = "phone";
    public const string PhoneGrams = "phone.g";
    public const int PhoneGramLength = 4;

    /// <summary>Public message bodies, whole words.</summary>
    public const string Text = "text";

    /// <summary>Internal notes, whole words: queried only for staff who may read notes.</summary>
    public const string Note = "note";

    public const string Status = "status";
    public const string Assignee = "assignee";
    public const string Label = "label";
    public const string Channel = "channel";
    public const string Updated = "updated";

    /// <summary>The document itself (JSON): what hits and the indexer's next fold read back.</summary>
    public const string Stored = "doc";
}
