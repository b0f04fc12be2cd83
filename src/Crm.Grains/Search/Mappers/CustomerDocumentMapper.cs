using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Search.Mappers;

/// <summary>A customer: name and company as you type, email fragments, phone numbers in any format.</summary>
public sealed class CustomerDocumentMapper : ISearchDocumentMapper
{
    public string Category => StreamIds.CustomerCategory;

    public IReadOnlyList<string> EventTypes { get; } = [EventSerializer.TypeName<CustomerUpserted>()];

    public string? KeyOf(StoredEvent stored) =>
        StreamIds.Parse(stored.StreamId) is { } s ? SearchDocument.KeyOf(s.WorkspaceId, SearchKind.Customer, s.Id) : null;

    public SearchDocument? Apply(SearchDocument? current, StoredEvent stored)
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream || EventSerializer.Deserialize(stored) is not CustomerUpserted e) return current;
        var document = current ?? SearchDocument.Empty(stream.WorkspaceId, SearchKind.Customer, stream.Id) with { CreatedAt = e.At };
        return document with
        {
            Title = e.Name,
            Subtitle = string.Join(" · ", new[] { e.CompanyName, e.Email, e.Phone }.OfType<string>()),
            Names = e.CompanyName is null ? [e.Name] : [e.Name, e.CompanyName],
            Emails = e.Email is null ? [] : [e.Email],
            Phones = e.Phone is null ? [] : [e.Phone],
            UpdatedAt = e.At,
        };
    }
}
