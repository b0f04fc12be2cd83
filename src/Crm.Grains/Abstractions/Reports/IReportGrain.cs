using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Reports;

/// <summary>
/// A workspace's reports (key: the workspace id), projected from its conversation streams. It resumes from its snapshot
/// plus the store's tail and reads up to the store's head before every answer, so two screens asking for the same
/// query after the same events get the same numbers, and every number is a recomputation from the stored events.
/// </summary>
public interface IReportGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>
    /// The metrics over <see cref="ReportQuery.From"/> (included) to <see cref="ReportQuery.To"/> (excluded), for the
    /// conversations the filters select. Invalid when the range is empty, reversed or too long, or a filter is malformed.
    /// </summary>
    Task<ReportDetails> GetAsync(ReportQuery query);
}
