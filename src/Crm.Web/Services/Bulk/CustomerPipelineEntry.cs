using System.Security.Cryptography;
using System.Text;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;

namespace Crm.Web.Services.Bulk;

/// <summary>
/// "Add to a pipeline" for customers: a deal for each customer not yet in the pipeline, in its first open stage (or
/// the one named). Idempotent twice over: customers with a deal there are skipped, and the deal's id is derived from
/// the pipeline and the customer, so a retried call can never open a second deal for one customer.
/// </summary>
public sealed class CustomerPipelineEntry(IGrainFactory grains, DealService deals)
{
    /// <summary>Checks the pipeline, stage and currency once per call and reads who is in the pipeline already.</summary>
    public async Task<Entry> PrepareAsync(WorkspaceUser user, string? pipelineId, string? stageId, string? currency)
    {
        var pipelinesGrain = grains.GetGrain<IPipelinesGrain>(user.WorkspaceId);
        var pipeline = await pipelinesGrain.GetAsync(string.IsNullOrWhiteSpace(pipelineId) ? (await pipelinesGrain.GetAllAsync())[0].PipelineId : pipelineId);
        var stage = string.IsNullOrWhiteSpace(stageId) ? pipeline.Stages.FirstOrDefault(s => s.Outcome == StageOutcome.Open)
            : pipeline.Stage(stageId) ?? throw BulkSelection.Invalid($"'{stageId}' is not a stage of pipeline {pipeline.PipelineId}.");
        if (stage is null) throw BulkSelection.Invalid($"Pipeline {pipeline.PipelineId} has no open stage to add customers to.");
        var inPipeline = (await grains.GetGrain<IDealBoardGrain>(user.WorkspaceId).ListAsync(new DealQuery(PipelineId: pipeline.PipelineId)))
            .SelectMany(d => d.ContactIds).ToHashSet(StringComparer.Ordinal);
        return new Entry(deals, user, pipeline, stage, string.IsNullOrWhiteSpace(currency) ? "USD" : currency.Trim(), inPipeline);
    }

    public sealed class Entry(DealService deals, WorkspaceUser user, PipelineDefinition pipeline, PipelineStage stage, string currency, IReadOnlySet<string> inPipeline)
    {
        public async Task<BulkItem> AddAsync(CustomerDetails customer)
        {
            if (inPipeline.Contains(customer.CustomerId))
                return BulkItem.Skip(customer.CustomerId, $"already in pipeline {pipeline.PipelineId}");
            await deals.CreateAsync(user, DealId(pipeline.PipelineId, customer.CustomerId),
                new CreateDeal(customer.Name, pipeline.PipelineId, stage.StageId, 0m, currency, null, null, [customer.CustomerId], customer.CompanyId, ""));
            return BulkItem.Done(customer.CustomerId);
        }
    }

    /// <summary>A valid id (hex, 34 characters) that is the same for the same pipeline and customer, whoever asks.</summary>
    public static string DealId(string pipelineId, string customerId) =>
        "pc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{pipelineId}/{customerId}")))[..32];
}
