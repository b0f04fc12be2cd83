using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Sales;

/// <summary>
/// The CRM API as its users meet it: customers with duplicates and a merge that redirects, deals that only their owner
/// (or a manager) moves, bad input refused with a message, and CSV export. Each test makes its own records.
/// </summary>
public sealed class SalesApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task CreateCustomer_SameEmailAsAnother_ReportsTheDuplicateAndMergeRedirectsTheOldId()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var email = $"ada-{Guid.NewGuid():N}@engines.example";
        var first = await CreateCustomerAsync(sales.Http, new { name = "Ada Lovelace", email, tags = new[] { "vip" } });
        var second = await CreateCustomerAsync(sales.Http, new { name = "Ada L.", email = email.ToUpperInvariant(), phone = "+44 20 7946 0000" });

        var match = second.GetProperty("duplicates")[0];
        Assert.Equal(Id(first), match.GetProperty("customerId").GetString());
        Assert.Equal(100, match.GetProperty("score").GetInt32());
        using var merged = await sales.Http.PostAsJsonAsync($"api/customers/{Id(first)}/merge",
            new { duplicateId = Id(second), keep = new Dictionary<string, string> { ["phone"] = "duplicate" } }, ApiJson.Options);
        Assert.True(merged.IsSuccessStatusCode, await merged.Content.ReadAsStringAsync());

        using var old = await sales.Http.GetAsync($"api/customers/{Id(second)}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.EndsWith($"/api/customers/{Id(first)}", old.RequestMessage!.RequestUri!.AbsolutePath);
        var survivor = await old.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options);
        Assert.Equal("+442079460000", survivor.GetProperty("phone").GetString());
        using var self = await sales.Http.PostAsJsonAsync($"api/customers/{Id(first)}/merge", new { duplicateId = Id(first) }, ApiJson.Options);
        await AssertProblemAsync(self, HttpStatusCode.BadRequest, "cannot be merged with itself");
    }

    public static TheoryData<string, object, string> BadDeals => new()
    {
        { "negative amount", new { title = "T", stageId = "lead", amount = -5, currency = "EUR" }, "cannot be negative" },
        { "unknown currency", new { title = "T", stageId = "lead", amount = 5, currency = "EURO" }, "ISO 4217" },
        { "unknown stage", new { title = "T", stageId = "closing", amount = 5, currency = "EUR" }, "not a stage of pipeline" },
        { "no amount", new { title = "T", stageId = "lead", currency = "EUR" }, "amount is required" },
        { "no title", new { stageId = "lead", amount = 5, currency = "EUR" }, "needs a title" },
    };

    [Theory]
    [MemberData(nameof(BadDeals))]
    public async Task CreateDeal_BadInput_Is400WithTheReason(string _, object body, string reason)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);

        using var response = await sales.Http.PostAsJsonAsync("api/deals", body, ApiJson.Options);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task MoveDeal_SalesRepOnAnotherRepsDeal_Is403AndTheSupervisorMovesIt()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var mine = await CreateDealAsync(sales.Http);
        var theirs = await CreateDealAsync(supervisor.Http);

        using var movedMine = await sales.Http.PutAsJsonAsync($"api/deals/{Id(mine, "dealId")}/stage", new { stageId = "proposal" }, ApiJson.Options);
        using var movedTheirs = await sales.Http.PutAsJsonAsync($"api/deals/{Id(theirs, "dealId")}/stage", new { stageId = "proposal" }, ApiJson.Options);
        using var byManager = await supervisor.Http.PutAsJsonAsync($"api/deals/{Id(mine, "dealId")}/stage", new { stageId = "lost", reason = "No budget" }, ApiJson.Options);
        using var byAgent = await agent.Http.GetAsync("api/deals");

        Assert.True(movedMine.IsSuccessStatusCode, await movedMine.Content.ReadAsStringAsync());
        await AssertProblemAsync(movedTheirs, HttpStatusCode.Forbidden, "belongs to another sales rep");
        Assert.True(byManager.IsSuccessStatusCode, await byManager.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        var theirsNow = await supervisor.Http.GetFromJsonAsync<JsonElement>($"api/deals/{Id(theirs, "dealId")}", ApiJson.Options);
        Assert.Equal("lead", theirsNow.GetProperty("stageId").GetString());
    }

    [Fact]
    public async Task DefineAttribute_ThenSaveABadValue_Is400NamingItAndTheCustomerUnchanged()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var key = $"seats_{Guid.NewGuid():N}"[..20];
        using var defined = await admin.Http.PutAsJsonAsync($"api/attributes/customer/{key}", new { label = "Seats", kind = "number" }, ApiJson.Options);
        Assert.True(defined.IsSuccessStatusCode, await defined.Content.ReadAsStringAsync());
        var customer = await CreateCustomerAsync(admin.Http, new { name = "Grace", attributes = new Dictionary<string, string> { [key] = "12" } });

        using var bad = await admin.Http.PutAsJsonAsync($"api/customers/{Id(customer)}",
            new { name = "Grace", attributes = new Dictionary<string, string> { [key] = "a dozen" } }, ApiJson.Options);

        await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "Seats: 'a dozen' is not a number");
        var now = await admin.Http.GetFromJsonAsync<JsonElement>($"api/customers/{Id(customer)}", ApiJson.Options);
        Assert.Equal("12", now.GetProperty("attributes").GetProperty(key).GetString());
    }

    [Fact]
    public async Task ExportCustomers_AFilteredList_StreamsCsvWithTheHeaderAndTheRow()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var name = $"Export {Guid.NewGuid():N}";
        await CreateCustomerAsync(sales.Http, new { name, email = "export@example.com", phone = "+1 202 555 0100" });

        var csv = await sales.Http.GetStringAsync($"api/customers.csv?q={Uri.EscapeDataString(name)}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\n')).ToList();
        Assert.StartsWith("id,name,email,phone,company_id", lines[0]);
        Assert.Equal(2, lines.Count);
        Assert.Contains($"{name},export@example.com,'+12025550100", lines[1]);
    }

    private static async Task<JsonElement> CreateCustomerAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("api/customers", body, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options);
    }

    private static async Task<JsonElement> CreateDealAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/deals", new { title = "Engines", stageId = "lead", amount = 1200, currency = "EUR" }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options);
    }

    private static string Id(JsonElement saved, string property = "customerId") =>
        (saved.TryGetProperty("customer", out var customer) ? customer : saved).GetProperty(property).GetString()!;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(reason, text);
    }
}
