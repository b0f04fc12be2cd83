using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals.Events;

/// <summary>A deal was opened; the stage's name, probability and outcome are copied in, so the fold needs no pipeline.</summary>
[GenerateSerializer, Alias("crm.deals.deal-created.v1")]
public sealed record DealCreated(
    string Title, string PipelineId, string StageId, string StageName, int Probability, StageOutcome Outcome,
    decimal Amount, string Currency, DateOnly? ExpectedClose, string? OwnerId, IReadOnlyList<string> ContactIds, string? CompanyId) : DomainEvent;
