using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>Companies with their people, child companies and deals.</summary>
public sealed class CompanyService(IGrainFactory grains)
{
    public Task<ListPage<CompanyDetails>> ListAsync(WorkspaceUser user, CompanyQuery query) =>
        grains.GetGrain<ICrmDirectoryGrain>(user.WorkspaceId).ListCompaniesAsync(query);

    public async Task<CompanyOverview> GetAsync(WorkspaceUser user, string companyId)
    {
        var company = await Company(user, companyId).GetDetailsAsync();
        var directory = grains.GetGrain<ICrmDirectoryGrain>(user.WorkspaceId);
        var people = await directory.ListCustomersAsync(new CustomerQuery(CompanyId: company.CompanyId, Limit: 1_000));
        var children = await directory.ListCompaniesAsync(new CompanyQuery(ParentId: company.CompanyId, Limit: 1_000));
        var deals = await grains.GetGrain<IDealBoardGrain>(user.WorkspaceId).ListAsync(new DealQuery(CompanyId: company.CompanyId));
        return new CompanyOverview(company, people.Items, children.Items, deals);
    }

    public Task<CompanyDetails> SaveAsync(WorkspaceUser user, string? companyId, SaveCompany command) =>
        Company(user, companyId ?? Ids.New()).SaveAsync(command with { Actor = user.Actor });

    private ICompanyGrain Company(WorkspaceUser user, string companyId) =>
        grains.GetGrain<ICompanyGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(companyId, "company")));
}
