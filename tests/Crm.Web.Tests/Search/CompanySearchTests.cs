using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Search;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Search;

/// <summary>Companies are search documents: found by name or domain as typed, renamed in the index when renamed, filtered by kind.</summary>
public sealed class CompanySearchTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task SavedCompany_IsFoundByNameAndDomainAndFollowsARename()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        using var created = await agent.Http.PostAsJsonAsync("api/companies", new { name = $"Orbit{word} Labs", domain = $"{word}.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ApiJson.Options)).GetProperty("companyId").GetString()!;

        var byDomain = await agent.Http.EventuallyFindsAsync($"{word}.example", 1);
        Assert.Equal((SearchKind.Company, id), (byDomain.Hits[0].Kind, byDomain.Hits[0].Id));
        using var renamed = await agent.Http.PutAsJsonAsync($"api/companies/{id}", new { name = $"Renamed{word}", domain = $"{word}.example" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var found = await agent.Http.EventuallyFindsAsync($"Renamed{word}", 1);
        Assert.Equal(SearchKind.Company, found.Hits[0].Kind);
        Assert.Equal(1, (await agent.Http.SearchAsync($"q=Renamed{word}&kind=company")).Total);
        Assert.Equal(0, (await agent.Http.SearchAsync($"q=Renamed{word}&kind=customer")).Total);
    }
}
