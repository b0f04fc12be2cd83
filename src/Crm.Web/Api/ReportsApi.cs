using Crm.Web.Security.Authorization;
using System.Text;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Reports;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class ReportsApi
{
    /// <summary>
    /// /api/reports (JSON) and /api/reports.csv: response, resolution, volume and CSAT metrics of the caller's workspace
    /// over ?from=&amp;to= (dates are UTC days, both included; or instants, 'to' excluded), optionally filtered by
    /// &amp;channel= &amp;queue= &amp;agent= &amp;label=. Supervisors and admins only.
    /// </summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Reports")
            .RequirePolicy(CrmPolicies.Supervise);
        api.MapGet("/reports", async (string? from, string? to, string? channel, string? queue, string? agent, string? label,
                WorkspaceUser user, ReportService reports) =>
            TypedResults.Ok(await reports.GetAsync(user, Query(from, to, channel, queue, agent, label))));
        api.MapGet("/reports.csv", CsvAsync);
        return endpoints;
    }

    private static async Task<FileContentHttpResult> CsvAsync(
        string? from, string? to, string? channel, string? queue, string? agent, string? label, WorkspaceUser user, ReportService reports)
    {
        var report = await reports.GetAsync(user, Query(from, to, channel, queue, agent, label));
        var name = $"report-{report.WorkspaceId}-{report.Query.From.UtcDateTime:yyyyMMdd}-{report.Query.To.UtcDateTime:yyyyMMdd}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(ReportCsv.Write(report)), "text/csv; charset=utf-8", name);
    }

    private static ReportQuery Query(string? from, string? to, string? channel, string? queue, string? agent, string? label)
    {
        var (start, end) = ReportPeriod.Parse(from, to);
        return new ReportQuery(start, end, QueryEnum.Parse<Channel>(channel, "channel"), Blank(queue), Blank(agent), Blank(label));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
