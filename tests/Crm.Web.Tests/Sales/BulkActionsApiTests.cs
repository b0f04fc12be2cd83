using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Sales;

/// <summary>
/// Bulk actions over REST: picked ids or everything matching a filter, counts of changed / skipped / failed with a
/// reason per record, each change an event of the record (visible on it), and every bad request a 4xx that says why.
/// </summary>
public sealed class BulkActionsApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task AddTag_PickedIds_ChangesSkipsTheTaggedAndFailsTheUnknownWithReasons()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var tag = $"hot-{Guid.NewGuid():N}"[..12];
        var a = await CreateCustomerAsync(sales.Http, new { name = "Bulk A" });
        var b = await CreateCustomerAsync(sales.Http, new { name = "Bulk B", tags = new[] { tag } });

        var result = await BulkAsync(sales.Http, "customers/bulk/add-tag", new { ids = new[] { a, b, "no-such-customer" }, tag });

        Assert.Equal((1, 1, 1), Counts(result));
        Assert.Equal("already tagged " + tag, Item(result, b).GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(Item(result, "no-such-customer").GetProperty("reason").GetString()));
        Assert.Contains(tag, await sales.Http.GetStringAsync($"api/customers/{a}"));
        var removed = await BulkAsync(sales.Http, "customers/bulk/remove-tag", new { ids = new[] { a, b }, tag });
        Assert.Equal((2, 0, 0), Counts(removed));
        Assert.DoesNotContain(tag, await sales.Http.GetStringAsync($"api/customers/{b}"));
    }

    [Fact]
    public async Task AssignOwner_AllMatchingAFilter_ChangesOnlyThoseAndRefusesAStranger()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var tag = $"own-{Guid.NewGuid():N}"[..12];
        var ids = new[] { await CreateCustomerAsync(sales.Http, new { name = "Owned 1", tags = new[] { tag } }),
            await CreateCustomerAsync(sales.Http, new { name = "Owned 2", tags = new[] { tag } }) };
        var other = await CreateCustomerAsync(sales.Http, new { name = "Not owned" });

        var result = await BulkAsync(sales.Http, "customers/bulk/assign-owner", new { allMatching = true, filter = new { tag }, ownerId = "jo" });

        Assert.Equal((2, 0, 0), Counts(result));
        Assert.Equal(2, result.GetProperty("matched").GetInt32());
        foreach (var id in ids) Assert.Contains("\"ownerId\":\"jo\"", await sales.Http.GetStringAsync($"api/customers/{id}"));
        Assert.DoesNotContain("\"ownerId\":\"jo\"", await sales.Http.GetStringAsync($"api/customers/{other}"));
        using var stranger = await PostAsync(sales.Http, "customers/bulk/assign-owner", new { ids, ownerId = "mallory" });
        await AssertProblemAsync(stranger, HttpStatusCode.BadRequest, "not a member of this workspace");
    }

    [Fact]
    public async Task AddToPipeline_Twice_OpensOneDealPerCustomerAndSkipsThemTheSecondTime()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var ids = new[] { await CreateCustomerAsync(sales.Http, new { name = "Pipe 1" }), await CreateCustomerAsync(sales.Http, new { name = "Pipe 2" }) };

        var first = await BulkAsync(sales.Http, "customers/bulk/add-to-pipeline", new { ids, pipelineId = "sales", currency = "EUR" });
        var again = await BulkAsync(sales.Http, "customers/bulk/add-to-pipeline", new { ids, pipelineId = "sales", currency = "EUR" });

        Assert.Equal((2, 0, 0), Counts(first));
        Assert.Equal((0, 2, 0), Counts(again));
        foreach (var id in ids)
            Assert.Single(await sales.Http.GetFromJsonAsync<List<JsonElement>>($"api/deals?contact={id}&pipeline=sales", ApiJson.Options) ?? []);
    }

    [Fact]
    public async Task Deals_MoveStageAndAssignOwner_ChangeEachPickedDealOnce()
    {
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        var ids = new[] { await CreateDealAsync(supervisor.Http), await CreateDealAsync(supervisor.Http) };

        var moved = await BulkAsync(supervisor.Http, "deals/bulk/move-stage", new { ids, stageId = "proposal" });
        var again = await BulkAsync(supervisor.Http, "deals/bulk/move-stage", new { ids, stageId = "proposal" });
        var owned = await BulkAsync(supervisor.Http, "deals/bulk/assign-owner", new { ids, ownerId = "sasha" });

        Assert.Equal(((2, 0, 0), (0, 2, 0), (2, 0, 0)), (Counts(moved), Counts(again), Counts(owned)));
        var deal = await supervisor.Http.GetFromJsonAsync<JsonElement>($"api/deals/{ids[0]}", ApiJson.Options);
        Assert.Equal(("proposal", "sasha"), (deal.GetProperty("stageId").GetString(), deal.GetProperty("ownerId").GetString()));
        using var unknownStage = await PostAsync(supervisor.Http, "deals/bulk/move-stage", new { ids, stageId = "closing" });
        var failed = await unknownStage.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options);
        Assert.Equal((0, 0, 2), Counts(failed));
    }

    public static TheoryData<string, string, string, int> BadRequests => new()
    {
        { "unknown action", "customers/bulk/delete-all", """{"ids":["a"]}""", 400 },
        { "unknown deal action", "deals/bulk/add-tag", """{"ids":["a"],"tag":"x"}""", 400 },
        { "nothing picked", "customers/bulk/add-tag", """{"tag":"x"}""", 400 },
        { "ids and all matching", "customers/bulk/add-tag", """{"ids":["a"],"allMatching":true,"tag":"x"}""", 400 },
        { "too many ids", "customers/bulk/add-tag", "{\"tag\":\"x\",\"ids\":[" + string.Join(',', Enumerable.Range(0, 501).Select(i => $"\"c{i}\"")) + "]}", 400 },
        { "unknown filter", "customers/bulk/add-tag", """{"allMatching":true,"filter":{"colour":"red"},"tag":"x"}""", 400 },
        { "unknown field", "customers/bulk/add-tag", """{"ids":["a"],"tag":"x","force":true}""", 400 },
        { "no tag", "customers/bulk/add-tag", """{"ids":["a"]}""", 400 },
        { "no owner", "deals/bulk/assign-owner", """{"ids":["a"]}""", 400 },
        { "unknown pipeline", "customers/bulk/add-to-pipeline", """{"ids":["a"],"pipelineId":"nope"}""", 400 },
        { "malformed JSON", "customers/bulk/add-tag", """{"ids": [""", 400 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_Is4xxWithAMessage(string _, string path, string body, int status)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);

        using var response = await sales.Http.PostAsync($"api/{path}", new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains("detail", text);
    }

    [Fact]
    public async Task Bulk_AsAnAgent_IsRefused()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var response = await PostAsync(agent.Http, "customers/bulk/add-tag", new { ids = new[] { "maria" }, tag = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static (int, int, int) Counts(JsonElement r) =>
        (r.GetProperty("changed").GetInt32(), r.GetProperty("skipped").GetInt32(), r.GetProperty("failed").GetInt32());

    private static JsonElement Item(JsonElement r, string id) => r.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body) =>
        http.PostAsJsonAsync($"api/{path}", body, ApiJson.Options);

    private static async Task<JsonElement> BulkAsync(HttpClient http, string path, object body)
    {
        using var response = await PostAsync(http, path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options);
    }

    private static async Task<string> CreateCustomerAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("api/customers", body, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options)).GetProperty("customer").GetProperty("customerId").GetString()!;
    }

    private static async Task<string> CreateDealAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/deals", new { title = "Bulk deal", stageId = "lead", amount = 100, currency = "EUR" }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options)).GetProperty("dealId").GetString()!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(reason, text);
    }
}
