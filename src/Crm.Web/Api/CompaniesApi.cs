using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Directory;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class CompaniesApi
{
    public sealed record CompanyRequest(string? CompanyId, string? Name, string? Domain, string? ParentId, string? OwnerId, Dictionary<string, string?>? Attributes);

    /// <summary>/api/companies: list, create, one company with its people, child companies and deals, update.</summary>
    public static IEndpointRouteBuilder MapCompaniesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/companies").WithTags("Companies").RequirePolicy(CrmPolicies.Staff);
        api.MapGet("/", (string? q, string? parent, string? owner, string? sort, int? offset, int? limit, WorkspaceUser user, CompanyService companies) =>
            companies.ListAsync(user, new CompanyQuery(q, parent, offset ?? 0, limit ?? 50, owner, sort)));
        api.MapPost("/", async (CompanyRequest request, WorkspaceUser user, CompanyService companies) =>
        {
            var saved = await companies.SaveAsync(user, request.CompanyId, Command(request));
            return TypedResults.Created($"/api/companies/{saved.CompanyId}", saved);
        });
        api.MapGet("/{companyId}", (string companyId, WorkspaceUser user, CompanyService companies) => companies.GetAsync(user, companyId));
        api.MapPut("/{companyId}", (string companyId, CompanyRequest request, WorkspaceUser user, CompanyService companies) =>
            companies.SaveAsync(user, companyId, Command(request)));
        return endpoints;
    }

    private static SaveCompany Command(CompanyRequest r) => new(r.Name ?? "", r.Domain, r.ParentId, r.OwnerId, r.Attributes, "");
}
