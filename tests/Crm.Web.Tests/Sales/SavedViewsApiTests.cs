using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Sales;

/// <summary>
/// Saved views over REST: a user's own views of a list stick, replace by name and delete; another user of the same
/// workspace never sees them; deals views need the pipeline's policy; every bad request is a 4xx that says why.
/// </summary>
public sealed class SavedViewsApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task PutGetDelete_OwnDealsView_RoundTripsAndReplacesByName()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var name = $"Closing soon {Guid.NewGuid():N}";

        using var put = await sales.Http.PutAsJsonAsync("api/views/deals",
            new { name, filters = new Dictionary<string, string> { ["stage"] = "proposal" }, sort = "-amount", columns = new[] { "title", "amount" } });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        using var replace = await sales.Http.PutAsJsonAsync("api/views/deals", new { name = name.ToUpperInvariant(), sort = "close" });
        Assert.True(replace.IsSuccessStatusCode, await replace.Content.ReadAsStringAsync());

        var view = Assert.Single(await ViewsAsync(sales.Http, "deals"), v => v.GetProperty("name").GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("close", view.GetProperty("sort").GetString());
        using var deleted = await sales.Http.DeleteAsync($"api/views/deals?name={Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.DoesNotContain(await ViewsAsync(sales.Http, "deals"), v => v.GetProperty("name").GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Views_OfOneUser_AreNeverAnotherUsersOfTheSameWorkspace()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        var name = $"Mine {Guid.NewGuid():N}";
        using var put = await sales.Http.PutAsJsonAsync("api/views/customers", new { name, filters = new { tag = "vip" } });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        Assert.DoesNotContain(name, await supervisor.Http.GetStringAsync("api/views/customers"));
        using var delete = await supervisor.Http.DeleteAsync($"api/views/customers?name={Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Contains(name, await sales.Http.GetStringAsync("api/views/customers"));
    }

    [Fact]
    public async Task DealsViews_ForAnAgent_AreRefusedWhileCustomerAndCompanyViewsAreTheirs()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var deals = await agent.Http.GetAsync("api/views/deals");
        using var customers = await agent.Http.GetAsync("api/views/customers");
        using var companies = await agent.Http.PutAsJsonAsync("api/views/companies", new { name = $"Agent's {Guid.NewGuid():N}" });

        Assert.Equal(HttpStatusCode.Forbidden, deals.StatusCode);
        Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
        Assert.True(companies.IsSuccessStatusCode, await companies.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string, string> BadRequests => new()
    {
        { "unknown list", "PUT api/views/tickets", """{"name":"x"}""", "not a list with saved views" },
        { "unknown list read", "GET api/views/tickets", "", "customers, companies, deals" },
        { "malformed JSON", "PUT api/views/customers", """{"name": """, "" },
        { "no name", "PUT api/views/customers", """{"sort":"name"}""", "A view needs a name." },
        { "unknown field", "PUT api/views/customers", """{"name":"x","colour":"red"}""", "Unknown field: colour" },
        { "filters not an object", "PUT api/views/customers", """{"name":"x","filters":["a"]}""", "" },
        { "long filter", "PUT api/views/customers", "{\"name\":\"x\",\"filters\":{\"q\":\"" + new string('q', 201) + "\"}}", "longer than 200" },
        { "delete without a name", "DELETE api/views/customers", "", "?name=" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_Is400WithTheReasonAndStoresNothing(string _, string call, string body, string reason)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var before = await sales.Http.GetStringAsync("api/views/customers");
        var (method, path) = (call.Split(' ')[0], call.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await sales.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Contains(reason, text);
        Assert.Equal(before, await sales.Http.GetStringAsync("api/views/customers"));
    }

    private static async Task<List<JsonElement>> ViewsAsync(HttpClient http, string list) =>
        (await http.GetFromJsonAsync<List<JsonElement>>($"api/views/{list}", ApiJson.Options))!;
}
