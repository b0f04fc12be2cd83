using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>A <see cref="SearchDocument"/> as Lucene fields, and back from its stored JSON.</summary>
internal static class LuceneDocuments
{
    public static string KindValue(SearchKind kind) => SearchValues.Of(kind);

    public static LuceneDocument From(SearchDocument document)
    {
        var fields = new LuceneDocument
        {
            new StringField(LuceneFields.Key, document.Key, Field.Store.NO),
            new StringField(LuceneFields.Workspace, document.WorkspaceId, Field.Store.NO),
            new StoredField(LuceneFields.Stored, SearchDocumentJson.Serialize(document)),
        };
        // The key as a doc value only where the join reads it: on conversations, the only documents with logs. A value
        // unique to each document costs its flush and every merge a sort and a copy; customers are most documents.
        if (document.Kind == SearchKind.Conversation) fields.Add(new SortedDocValuesField(LuceneFields.Key, new BytesRef(document.Key)));
        Keyword(fields, LuceneFields.Kind, KindValue(document.Kind));
        // Each kind of value is one field, its values one per line (see LuceneAnalyzers.LineTokenizer): a field per value
        // cost the writer a reader, a token stream and a pass of its own each, a dozen for a customer with one phone.
        var names = Lines(document.Names.Prepend(document.Title).Distinct());
        Add(fields, LuceneFields.Name, names);
        Add(fields, LuceneFields.NameGrams, names);
        var emails = Lines(document.Emails.SelectMany(EmailFragments.IndexTerms));
        Add(fields, LuceneFields.Email, emails);
        Add(fields, LuceneFields.EmailGrams, emails);
        var tails = document.Phones.SelectMany(PhoneNumbers.IndexTerms).ToList();
        // Whole tails only as long as the grams are not: a shorter number typed is looked up as a gram (LuceneQueryBuilder).
        Add(fields, LuceneFields.Phone, Lines(tails.Where(t => t.Length > LuceneFields.PhoneGramLength)));
        Add(fields, LuceneFields.PhoneGrams, Lines(tails));
        // The window's messages too: they are only looked up word by word (no phrases), so one field holds them all.
        Add(fields, LuceneFields.Text, Lines(document.Texts));
        Add(fields, LuceneFields.Note, Lines(document.InternalTexts));
        Keyword(fields, LuceneFields.Status, document.Status);
        Keyword(fields, LuceneFields.Assignee, document.AssigneeId);
        Keyword(fields, LuceneFields.Channel, document.Channel);
        foreach (var label in document.Labels)
        {
            fields.Add(new StringField(LuceneFields.Label, label, Field.Store.NO));
            fields.Add(new SortedSetDocValuesField(LuceneFields.Label, new BytesRef(label)));
        }

        // A doc value only: it sorts, and date ranges filter on it. Indexed as a numeric field it cost 16 terms per
        // document (precision step 4), half of them unique to the document, for a filter few searches use.
        fields.Add(new NumericDocValuesField(LuceneFields.Updated, document.UpdatedAt.ToUnixTimeMilliseconds()));
        return fields;
    }

    /// <summary>
    /// How much of a conversation's newest messages and notes its own document holds (and rewrites with each batch):
    /// once the window would pass this, it is sealed into a log document of its own, written once and never rewritten,
    /// and the window starts empty. So a batch costs at most this much re-indexing however long the conversation, and a
    /// conversation shorter than this (most of them) is one document, found without the join.
    /// </summary>
    public const int OpenWindowCharacters = 2_000;

    /// <summary>The longest last message that a sealed window hands on to the next one.</summary>
    private const int CarriedCharacters = 500;

    /// <summary>
    /// What to write for a document: itself, with its log's new texts in its open window; and, when the window is full,
    /// the sealed log document (null otherwise). The document returned is also what the engine hands back.
    /// </summary>
    public static (SearchDocument Document, LuceneDocument? SealedLog) Split(SearchDocument document)
    {
        if (document.AppendedTexts.Count == 0 && document.AppendedInternalTexts.Count == 0) return (document, null);
        List<string> texts = [.. document.Texts, .. document.AppendedTexts];
        List<string> notes = [.. document.InternalTexts, .. document.AppendedInternalTexts];
        var window = document.WithoutAppended();
        if (texts.Sum(t => t.Length) + notes.Sum(n => n.Length) <= OpenWindowCharacters)
            return (window with { Texts = texts, InternalTexts = notes }, null);
        // The sealed window's last message opens the next window too (when short), so a question and its answer on
        // either side of a seal are still found together.
        IReadOnlyList<string> carried = texts.Count > 0 && texts[^1].Length <= CarriedCharacters ? [texts[^1]] : [];
        return (window with { Texts = carried, InternalTexts = [] }, SealedLog(document, texts, notes));
    }

    /// <summary>A sealed window: its texts (stored, for the snippets of hits found by them), and the names they go with.</summary>
    private static LuceneDocument SealedLog(SearchDocument document, IReadOnlyList<string> texts, IReadOnlyList<string> notes)
    {
        var fields = new LuceneDocument
        {
            new SortedDocValuesField(LuceneFields.Parent, new BytesRef(document.Key)),
            new StringField(LuceneFields.Parent, document.Key, Field.Store.NO),
            new StringField(LuceneFields.LogWorkspace, document.WorkspaceId, Field.Store.NO),
        };
        // The names too, as whole words (a conversation's subject and customer): "refund Alexandra parcel" finds the
        // message that says "parcel" in Alexandra's refund conversation with one query over the logs. Not their
        // prefixes: a half-typed name would match every log of every conversation of that customer, keystroke after
        // keystroke, only for the join to find the conversation itself already found.
        foreach (var name in document.Names.Prepend(document.Title).Distinct()) fields.Add(new TextField(LuceneFields.Name, name, Field.Store.NO));

        foreach (var text in texts) fields.Add(new TextField(LuceneFields.Text, text, Field.Store.YES));
        foreach (var note in notes) fields.Add(new TextField(LuceneFields.Note, note, Field.Store.YES));
        return fields;
    }

    public static SearchDocument Read(LuceneDocument stored) => SearchDocumentJson.Deserialize(stored.Get(LuceneFields.Stored));

    /// <summary>Several values as one, a line each; null when there are none.</summary>
    private static string? Lines(IEnumerable<string> values)
    {
        var text = string.Join(LuceneAnalyzers.ValueSeparator, values.Where(v => v.Length > 0));
        return text.Length == 0 ? null : text;
    }

    private static void Add(LuceneDocument fields, string name, string? lines)
    {
        if (lines is not null) fields.Add(new TextField(name, lines, Field.Store.NO));
    }

    /// <summary>A filter value and its facet counter: an exact term and a sorted doc value.</summary>
    private static void Keyword(LuceneDocument fields, string name, string? value)
    {
        if (value is null) return;
        fields.Add(new StringField(name, value, Field.Store.NO));
        fields.Add(new SortedDocValuesField(name, new BytesRef(value)));
    }
}
