using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Grains.Pipelines;

/// <summary>What a pipeline definition must hold; plain, so it tests without a cluster.</summary>
public static class PipelineRules
{
    public const int MaxStages = 30;

    public static PipelineDefinition Require(DefinePipeline command)
    {
        var id = Ids.Require(command.PipelineId, "pipeline");
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 80) throw Invalid("A pipeline needs a name of 1–80 characters.");
        var stages = (command.Stages ?? []).Select(s => s is null ? throw Invalid("A stage cannot be empty.") : s with { StageId = Ids.Require(s.StageId, "stage"), Name = s.Name?.Trim() ?? "" }).ToList();
        if (stages.Count is < 3 or > MaxStages) throw Invalid($"A pipeline has 3–{MaxStages} stages.");
        if (stages.Select(s => s.StageId).Distinct().Count() != stages.Count) throw Invalid("Stage ids must differ from each other.");
        foreach (var s in stages)
        {
            if (s.Name.Length is 0 or > 80) throw Invalid($"Stage '{s.StageId}' needs a name of 1–80 characters.");
            if (!Enum.IsDefined(s.Outcome)) throw Invalid($"Stage '{s.StageId}' has an unknown outcome.");
            if (s.Probability is < 0 or > 100) throw Invalid($"Stage '{s.StageId}': the probability is 0–100 %, not {s.Probability}.");
            if (s.Outcome == StageOutcome.Won && s.Probability != 100) throw Invalid($"Won stage '{s.StageId}' has a probability of 100 %.");
            if (s.Outcome == StageOutcome.Lost && s.Probability != 0) throw Invalid($"Lost stage '{s.StageId}' has a probability of 0 %.");
        }
        foreach (var outcome in Enum.GetValues<StageOutcome>())
            if (stages.All(s => s.Outcome != outcome)) throw Invalid($"A pipeline needs at least one {outcome.ToString().ToLowerInvariant()} stage.");
        return new PipelineDefinition(id, name, stages);
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
