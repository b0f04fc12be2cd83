using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Directory;

namespace Crm.Grains.Imports.Kinds;

/// <summary>Every company of the workspace, read page by page from the directory: what company rows and deal rows are matched against.</summary>
public static class StoredCompanies
{
    public static async Task<IReadOnlyList<CompanyDetails>> ReadAsync(IGrainFactory grains, string workspaceId)
    {
        var directory = grains.GetGrain<ICrmDirectoryGrain>(workspaceId);
        var all = new List<CompanyDetails>();
        for (var offset = 0; ; offset += 1_000)
        {
            var page = await directory.ListCompaniesAsync(new CompanyQuery(Offset: offset, Limit: 1_000));
            all.AddRange(page.Items);
            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0) return all;
        }
    }
}
