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
        Keyword(fields, LuceneFields.Kind, KindValue(document.Kind));
        foreach (var name in document.Names.Prepend(document.Title).Distinct())
        {
            fields.Add(new TextField(LuceneFields.Name, name, Field.Store.NO));
            fields.Add(new TextField(LuceneFields.NameGrams, name, Field.Store.NO));
        }

        foreach (var term in document.Emails.SelectMany(EmailFragments.IndexTerms))
        {
            fields.Add(new TextField(LuceneFields.Email, term, Field.Store.NO));
            fields.Add(new TextField(LuceneFields.EmailGrams, term, Field.Store.NO));
        }

        foreach (var term in document.Phones.SelectMany(PhoneNumbers.IndexTerms))
        {
            fields.Add(new TextField(LuceneFields.Phone, term, Field.Store.NO));
            fields.Add(new TextField(LuceneFields.PhoneGrams, term, Field.Store.NO));
        }
        foreach (var text in document.Texts) fields.Add(new TextField(LuceneFields.Text, text, Field.Store.NO));
        foreach (var text in document.InternalTexts) fields.Add(new TextField(LuceneFields.Note, text, Field.Store.NO));
        Keyword(fields, LuceneFields.Status, document.Status);
        Keyword(fields, LuceneFields.Assignee, document.AssigneeId);
        Keyword(fields, LuceneFields.Channel, document.Channel);
        foreach (var label in document.Labels)
        {
            fields.Add(new StringField(LuceneFields.Label, label, Field.Store.NO));
            fields.Add(new SortedSetDocValuesField(LuceneFields.Label, new BytesRef(label)));
        }

        var updated = document.UpdatedAt.ToUnixTimeMilliseconds();
        fields.Add(new Int64Field(LuceneFields.Updated, updated, Field.Store.NO));
        fields.Add(new NumericDocValuesField(LuceneFields.Updated, updated));
        return fields;
    }

    public static SearchDocument Read(LuceneDocument stored) => SearchDocumentJson.Deserialize(stored.Get(LuceneFields.Stored));

    /// <summary>A filter value and its facet counter: an exact term and a sorted doc value.</summary>
    private static void Keyword(LuceneDocument fields, string name, string? value)
    {
        if (value is null) return;
        fields.Add(new StringField(name, value, Field.Store.NO));
        fields.Add(new SortedDocValuesField(name, new BytesRef(value)));
    }
}
