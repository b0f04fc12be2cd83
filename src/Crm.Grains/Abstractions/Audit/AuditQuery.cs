using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.Abstractions.Audit;

/// <summary>
/// Which audit entries to read: every filter is optional. <see cref="Before"/> is the paging cursor (a global store
/// position; entries strictly before it), <see cref="Actor"/> an actor id such as "agent:alex",
/// <see cref="Category"/> a stream category ("conversation") and <see cref="EntityId"/> one entity of it; the time range is
/// <see cref="From"/> inclusive to <see cref="To"/> exclusive. Build one with <see cref="Create"/>, which normalizes and
/// validates.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.audit.audit-query")]
public sealed record AuditQuery(
    long? Before = null,
    int Limit = AuditQuery.DefaultLimit,
    string? Actor = null,
    string? Category = null,
    string? EntityId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxActorLength = 200;

    /// <summary>
    /// Trims the filters, lower-cases the category, reads a bare actor id ("alex") as an agent ("agent:alex"), and
    /// validates the result; throws a <see cref="DomainException"/> (Invalid) naming the first problem.
    /// </summary>
    public static AuditQuery Create(
        long? before = null, int? limit = null, string? actor = null, string? category = null, string? entityId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        actor = Blank(actor);
        if (actor is not null && !actor.Contains(':', StringComparison.Ordinal)) actor = $"agent:{actor}";
        return new AuditQuery(before, limit ?? DefaultLimit, actor, Blank(category)?.ToLowerInvariant(), Blank(entityId), from, to).Validate();
    }

    /// <summary>Throws a <see cref="DomainException"/> (Invalid) naming the first problem; returns the query otherwise.</summary>
    public AuditQuery Validate()
    {
        if (Before is <= 0)
            throw Invalid("The cursor 'before' must be a positive position, as returned in 'next'.");
        if (Limit is < 1 or > MaxLimit)
            throw Invalid($"The limit must be between 1 and {MaxLimit}.");
        if (Actor is not null && (Actor.Length > MaxActorLength || Actor.IndexOf(':', StringComparison.Ordinal) is <= 0 || Actor.EndsWith(':')))
            throw Invalid("The actor must look like 'agent:alex' (a kind, a colon and an id).");
        if (Category is not null && !StreamIds.Categories.Contains(Category))
            throw Invalid($"'{Category}' is not an entity category; use one of: {string.Join(", ", StreamIds.Categories)}.");
        if (EntityId is not null && Category is null)
            throw Invalid("An entity id needs its category, such as category=conversation.");
        if (EntityId is not null && !Ids.IsValid(EntityId))
            throw Invalid($"'{EntityId}' is not a valid entity id.");
        if (From is { } from && To is { } to && from >= to)
            throw Invalid("The time range is empty: 'from' must be earlier than 'to'.");
        return this;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
