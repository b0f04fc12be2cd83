using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Grains.Imports.Kinds;

/// <summary>What a deal row's names resolve against: the pipelines and their stages, companies by name, customers by email.</summary>
public sealed record DealImportLookups(
    IReadOnlyList<PipelineDefinition> Pipelines, IReadOnlyDictionary<string, string> CompaniesByName, IReadOnlyDictionary<string, string> CustomersByEmail)
{
    public PipelineDefinition Pipeline(string? idOrName) => idOrName is null ? Pipelines[0]
        : Pipelines.FirstOrDefault(p => Same(p.PipelineId, idOrName) || Same(p.Name, idOrName))
          ?? throw ImportCells.Invalid($"'{idOrName}' is not a pipeline; use {string.Join(", ", Pipelines.Select(p => p.PipelineId))}.");

    public static PipelineStage Stage(PipelineDefinition pipeline, string? idOrName) => idOrName is null
        ? pipeline.Stages.First(s => s.Outcome == StageOutcome.Open)
        : pipeline.Stages.FirstOrDefault(s => Same(s.StageId, idOrName) || Same(s.Name, idOrName))
          ?? throw ImportCells.Invalid($"'{idOrName}' is not a stage of pipeline {pipeline.PipelineId}; use {string.Join(", ", pipeline.Stages.Select(s => s.StageId))}.");

    public string Company(string name) =>
        CompaniesByName.TryGetValue(name.Trim(), out var id) ? id : throw ImportCells.Invalid($"There is no company named '{name}'; import the companies first.");

    public string Customer(string email) =>
        CustomersByEmail.TryGetValue(email.Trim(), out var id) ? id : throw ImportCells.Invalid($"There is no customer with the email '{email}'.");

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
