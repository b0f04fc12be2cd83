using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class CustomersApi
{
    /// <param name="Attributes">Custom attribute values by key; null or blank removes one. Omitted: left as they are (as are omitted tags).</param>
    /// <param name="ExpectedVersion">The version read; the save is refused (409) when the record moved on since.</param>
    public sealed record CustomerRequest(
        string? CustomerId, string? Name, string? Email, string? Phone, string? CompanyId, string? OwnerId,
        IReadOnlyList<string>? Tags, Dictionary<string, string?>? Attributes, long? ExpectedVersion);

    public sealed record ActivityRequest(ActivityKind? Kind, string? Text, string? ActivityId);

    /// <param name="Keep">Per field ("name", "email", "phone", "company", "owner", "attr:{key}"): "survivor" or "duplicate".</param>
    public sealed record MergeRequest(string? DuplicateId, Dictionary<string, string>? Keep);

    /// <summary>/api/customers: the customer list, one customer's record and timeline, duplicates, merges, and a CSV export.</summary>
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/customers").WithTags("Customers").RequirePolicy(CrmPolicies.Staff);
        api.MapGet("/", (string? q, string? owner, string? tag, string? company, string? sort, int? offset, int? limit, WorkspaceUser user, CustomerRecordService customers) =>
            customers.ListAsync(user, new CustomerQuery(q, owner, tag, company, sort, offset ?? 0, limit ?? 50)));
        api.MapPost("/", async (CustomerRequest request, WorkspaceUser user, CustomerRecordService customers) =>
        {
            var saved = await customers.SaveAsync(user, request.CustomerId, Command(request));
            return TypedResults.Created($"/api/customers/{saved.Customer.CustomerId}", saved);
        });
        api.MapGet("/duplicates", (int? limit, WorkspaceUser user, CustomerRecordService customers) => customers.ReviewQueueAsync(user, limit ?? 100));
        api.MapGet("/{customerId}", GetAsync);
        api.MapPut("/{customerId}", (string customerId, CustomerRequest request, WorkspaceUser user, CustomerRecordService customers) =>
            customers.SaveAsync(user, customerId, Command(request)));
        api.MapGet("/{customerId}/timeline", (string customerId, int? offset, int? limit, string? kinds, WorkspaceUser user, CustomerRecordService customers) =>
            customers.TimelineAsync(user, customerId, new TimelineQuery(offset ?? 0, limit ?? 50, Split(kinds))));
        api.MapPost("/{customerId}/activities", (string customerId, ActivityRequest request, WorkspaceUser user, CustomerRecordService customers) =>
            customers.LogActivityAsync(user, customerId, request.Kind ?? ActivityKind.Note, request.Text, request.ActivityId));
        api.MapGet("/{customerId}/duplicates", (string customerId, WorkspaceUser user, CustomerRecordService customers) => customers.DuplicatesAsync(user, customerId));
        api.MapPost("/{customerId}/merge", (string customerId, MergeRequest request, WorkspaceUser user, CustomerRecordService customers) =>
            customers.MergeAsync(user, customerId, request.DuplicateId, request.Keep)).RequirePolicy(CrmPolicies.Sell);
        endpoints.MapGet("/api/customers.csv", (string? q, string? owner, string? tag, string? company, string? sort, WorkspaceUser user, CustomerRecordService customers) =>
            TypedResults.Stream(body => CrmCsvExport.CustomersAsync(body, user, customers, new CustomerQuery(q, owner, tag, company, sort)),
                "text/csv; charset=utf-8", $"customers-{user.WorkspaceId}.csv"))
            .WithTags("Customers").RequirePolicy(CrmPolicies.Staff);
        return endpoints;
    }

    /// <summary>The customer; a merged id answers 308 with the surviving record's address.</summary>
    private static async Task<Results<Ok<CustomerDetails>, RedirectHttpResult>> GetAsync(string customerId, WorkspaceUser user, CustomerRecordService customers)
    {
        var details = await customers.GetAsync(user, customerId);
        return details.CustomerId == customerId
            ? TypedResults.Ok(details)
            : TypedResults.Redirect($"/api/customers/{details.CustomerId}", permanent: true, preserveMethod: true);
    }

    private static SaveCustomer Command(CustomerRequest r) =>
        new(r.Name ?? "", r.Email, r.Phone, r.CompanyId, r.OwnerId, r.Tags, r.Attributes, "", r.ExpectedVersion);

    private static IReadOnlyList<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
