using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Grains.Abstractions.Search;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Search;

/// <summary>Deals are search documents for those who may open deals (the matrix's crm.sell), and for nobody else.</summary>
public sealed class DealSearchTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task CreatedDeal_IsFoundByTheSalesRepAndTheAdminButNeverByAnAgent()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var word = "zd" + Guid.NewGuid().ToString("N")[..8];
        using var created = await sales.Http.PostAsJsonAsync("api/deals",
            new { title = $"Kestrel{word} fleet renewal", stageId = "lead", amount = 4200, currency = "EUR" }, ApiJson.Options);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options)).GetProperty("dealId").GetString()!;

        var found = await sales.Http.EventuallyFindsAsync($"Kestrel{word}", 1);
        var hit = Assert.Single(found.Hits);
        Assert.Equal((SearchKind.Deal, id, "open"), (hit.Kind, hit.Id, hit.Status));
        Assert.Equal(1, (await admin.Http.SearchAsync($"q=Kestrel{word}&kind=deal")).Total);

        // The index holds the deal now: the agent's same words, the deal kind and the facet counts all leave it out.
        Assert.Equal(0, (await agent.Http.FindAsync($"Kestrel{word}")).Total);
        Assert.Equal(0, (await agent.Http.SearchAsync($"q=Kestrel{word}&kind=deal")).Total);
        Assert.DoesNotContain((await agent.Http.SearchAsync("kind=deal&limit=100")).Hits, h => h.Id == id);
        var facets = await agent.Http.SearchAsync($"q=Kestrel{word}%20fleet&facets=true");
        Assert.DoesNotContain(facets.Facets.GetValueOrDefault(SearchFacets.Kind) ?? [], f => f.Value == "deal");
    }
}
