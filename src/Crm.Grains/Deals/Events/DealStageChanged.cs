using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals.Events;

/// <summary>The deal moved from <paramref name="FromStageId"/> to a stage; <paramref name="Reason"/> says why it was won or lost.</summary>
[GenerateSerializer, Alias("crm.deals.deal-stage-changed.v1")]
public sealed record DealStageChanged(string FromStageId, string StageId, string StageName, int Probability, StageOutcome Outcome, string? Reason) : DomainEvent;
