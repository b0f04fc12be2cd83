using Crm.Grains.EventSourcing;

namespace Crm.Grains.Imports.Events;

[GenerateSerializer, Alias("crm.imports.import-uploaded.v1")]
public sealed record ImportUploaded(
    string Kind, string FileName, string BlobKey, string Delimiter, IReadOnlyList<string> Columns, IReadOnlyList<string> SuggestedMapping,
    IReadOnlyList<IReadOnlyList<string>> Preview, IReadOnlyList<string> Notes, long TotalRows) : DomainEvent;
