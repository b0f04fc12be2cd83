namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>The index's field names (the same roles as the Lucene engine's fields), and the checkpoint document's id.</summary>
internal static class ElasticsearchFields
{
    public const string Key = "key";
    public const string Workspace = "ws";
    public const string Kind = "kind";

    /// <summary>Short fields as whole words; its <c>name.g</c> sub-field holds edge n-grams for as-you-type prefixes.</summary>
    public const string Name = "name";
    public const string NameGrams = "name.g";

    /// <summary>Email addresses from each of their parts onwards (EmailFragments), as edge n-grams.</summary>
    public const string EmailGrams = "email_g";

    /// <summary>Every tail of a phone number's digits (PhoneNumbers), as edge n-grams.</summary>
    public const string PhoneGrams = "phone_g";

    public const string Text = "text";
    public const string Note = "note";
    public const string Status = "status";
    public const string Assignee = "assignee";
    public const string Label = "label";
    public const string Channel = "channel";
    public const string Updated = "updated";

    /// <summary>The <c>SearchDocument</c> itself, kept in the source and not indexed.</summary>
    public const string Stored = "doc";

    /// <summary>The internal notes inside the stored document: left out of the source a user without note rights is sent.</summary>
    public const string StoredNotes = "doc.internalTexts";

    /// <summary>The projection checkpoint: one document in the index, with no workspace, so no query ever matches it.</summary>
    public const string CheckpointId = "crm-checkpoint";
    public const string Checkpoint = "checkpoint";

    /// <summary>What the index was built for (see SearchMapping), in one document of its own, like the checkpoint.</summary>
    public const string MappingId = "crm-mapping";
    public const string Mapping = "mapping";
}
