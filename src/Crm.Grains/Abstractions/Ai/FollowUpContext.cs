using Crm.Grains.Abstractions.Deals;

namespace Crm.Grains.Abstractions.Ai;

/// <summary>What the sales engine reads for one rep: their open deals and their customers' recent messages, at <see cref="Now"/>.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.follow-up-context")]
public sealed record FollowUpContext(
    string WorkspaceId,
    string OwnerId,
    DateTimeOffset Now,
    IReadOnlyList<DealDetails> Deals,
    IReadOnlyList<CustomerExcerpt> Customers);
