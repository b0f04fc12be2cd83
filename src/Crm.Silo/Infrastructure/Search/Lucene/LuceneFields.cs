namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>The index's field names, and what each holds.</summary>
internal static class LuceneFields
{
    /// <summary>Workspace|kind|id: what a document is replaced by, and (as a doc value, on conversations) what the join finds it by.</summary>
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

    /// <summary>
    /// Public text, whole words: an article's body, a conversation's open window of newest messages, and on sealed log
    /// documents (stored there) the messages before it.
    /// </summary>
    public const string Text = "text";

    /// <summary>Internal notes, whole words (stored on sealed log documents): queried only for staff who may read notes.</summary>
    public const string Note = "note";

    /// <summary>
    /// On a sealed log document (a full window of a conversation's messages and notes, written once and never
    /// rewritten: see <see cref="LuceneDocuments.OpenWindowCharacters"/>): the key of the document it belongs to,
    /// indexed and as a doc value the join reads. Log documents carry no <see cref="Workspace"/>, so the workspace filter
    /// every search applies never returns one as a hit.
    /// </summary>
    public const string Parent = "parent";

    /// <summary>A log document's workspace: the join looks only at the asking workspace's logs.</summary>
    public const string LogWorkspace = "log.ws";

    public const string Status = "status";
    public const string Assignee = "assignee";
    public const string Label = "label";
    public const string Channel = "channel";
    public const string Updated = "updated";

    /// <summary>The document itself (JSON): what hits and the indexer's next fold read back.</summary>
    public const string Stored = "doc";
}
