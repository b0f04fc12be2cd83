namespace Crm.Grains.Abstractions.Pipelines;

/// <summary>Whether a stage is still in play, or closes the deal as won or lost (a lost deal names a reason).</summary>
[GenerateSerializer, Alias("crm.pipelines.stage-outcome")]
public enum StageOutcome
{
    Open = 0,
    Won = 1,
    Lost = 2,
}
