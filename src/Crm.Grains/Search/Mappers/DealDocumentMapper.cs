using System.Globalization;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Deals.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Search.Mappers;

/// <summary>
/// A deal: its title as you type, "amount currency · stage" as the subtitle, the stage's outcome (open, won, lost) as its
/// status and its owner as the assignee filter. Only users the matrix lets sell find it (see
/// <see cref="SearchQuery.IncludeDeals"/>). The company's name is not in the deal's events (only its id), so it is not
/// a name here; a contact replaced by a merge changes nothing shown, so that event is not read.
/// </summary>
public sealed class DealDocumentMapper : ISearchDocumentMapper
{
    private const string Separator = " · ";

    public string Category => StreamIds.DealCategory;

    public IReadOnlyList<string> EventTypes { get; } =
    [
        EventSerializer.TypeName<DealCreated>(),
        EventSerializer.TypeName<DealUpdated>(),
        EventSerializer.TypeName<DealStageChanged>(),
    ];

    public string? KeyOf(StoredEvent stored) =>
        StreamIds.Parse(stored.StreamId) is { } s ? SearchDocument.KeyOf(s.WorkspaceId, SearchKind.Deal, s.Id) : null;

    public SearchDocument? Apply(SearchDocument? current, StoredEvent stored)
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream) return current;
        var @event = EventSerializer.Deserialize(stored);
        if (@event is DealCreated created)
        {
            return (current ?? SearchDocument.Empty(stream.WorkspaceId, SearchKind.Deal, stream.Id)) with
            {
                Title = created.Title,
                Subtitle = Subtitle(Money(created.Amount, created.Currency), created.StageName),
                Names = [created.Title],
                Status = SearchValues.Of(created.Outcome),
                AssigneeId = created.OwnerId,
                CreatedAt = created.At,
                UpdatedAt = created.At,
            };
        }

        // Every other event needs the creating one first (the stream starts with it).
        if (current is null) return null;
        var document = current with { UpdatedAt = @event.At };
        return @event switch
        {
            DealUpdated u => document with
            {
                Title = u.Title, Names = [u.Title], AssigneeId = u.OwnerId, Subtitle = Subtitle(Money(u.Amount, u.Currency), StageOf(document.Subtitle)),
            },
            DealStageChanged s => document with { Status = SearchValues.Of(s.Outcome), Subtitle = Subtitle(MoneyOf(document.Subtitle), s.StageName) },
            _ => current,
        };
    }

    // The document is all a mapper folds onto, and it has no field for amount or stage: each event rewrites its own part
    // of the subtitle and keeps the other. The money part never holds the separator, so the first one splits them.
    private static string Subtitle(string money, string stage) => money + Separator + stage;

    private static string MoneyOf(string? subtitle) => Split(subtitle).Money;

    private static string StageOf(string? subtitle) => Split(subtitle).Stage;

    private static (string Money, string Stage) Split(string? subtitle)
    {
        var text = subtitle ?? "";
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (text, "") : (text[..at], text[(at + Separator.Length)..]);
    }

    private static string Money(decimal amount, string currency) =>
        $"{amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {currency}".Trim();
}
