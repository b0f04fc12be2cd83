using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Companies.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Search.Mappers;

/// <summary>A company: its name and domain as you type, its owner as the assignee filter.</summary>
public sealed class CompanyDocumentMapper : ISearchDocumentMapper
{
    public string Category => StreamIds.CompanyCategory;

    public IReadOnlyList<string> EventTypes { get; } = [EventSerializer.TypeName<CompanySaved>()];

    public string? KeyOf(StoredEvent stored) =>
        StreamIds.Parse(stored.StreamId) is { } s ? SearchDocument.KeyOf(s.WorkspaceId, SearchKind.Company, s.Id) : null;

    public SearchDocument? Apply(SearchDocument? current, StoredEvent stored)
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream || EventSerializer.Deserialize(stored) is not CompanySaved e) return current;
        var document = current ?? SearchDocument.Empty(stream.WorkspaceId, SearchKind.Company, stream.Id) with { CreatedAt = e.At };
        return document with
        {
            Title = e.Name,
            Subtitle = e.Domain,
            Names = e.Domain is null ? [e.Name] : [e.Name, e.Domain],
            AssigneeId = e.OwnerId,
            UpdatedAt = e.At,
        };
    }
}
