using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Reports;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>
/// The signed-in user's workspace's reports: the one way the API, the CSV export and the console get them, so all
/// three ask the same projection the same question. Checks the role itself too, so no page can forget to.
/// </summary>
public sealed class ReportService(IGrainFactory grains)
{
    public Task<ReportDetails> GetAsync(WorkspaceUser user, ReportQuery query)
    {
        user.Require(CrmPolicies.Supervise);
        return grains.GetGrain<IReportGrain>(user.WorkspaceId).GetAsync(query);
    }
}
