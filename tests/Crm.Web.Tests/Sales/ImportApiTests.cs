using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Sales;

/// <summary>
/// CSV import as its users meet it: suggestions from the header, a dry run that reports bad rows by row and column and
/// writes nothing, each way of handling duplicates, and refusals with a reason. Each test imports its own addresses.
/// </summary>
public sealed class ImportApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task Upload_SemicolonsBomAndSynonyms_SuggestsTheMappingAndShowsAPreview()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var csv = "\uFEFFFull name;Email Address;Phone number;Company;Favourite colour\n\"Lovelace; Ada\";ada@engines.example;+44 20 7946 0000;Engines;teal\n";

        var import = await (await sales.Http.UploadAsync(csv)).JsonAsync();

        Assert.Equal(["Full name", "Email Address", "Phone number", "Company", "Favourite colour"], import.GetProperty("columns").Strings());
        Assert.Equal(["name", "email", "phone", "company", "ignore"], import.GetProperty("suggestedMapping").Strings());
        Assert.Equal(";", import.GetProperty("delimiter").GetString());
        Assert.Equal("Lovelace; Ada", import.GetProperty("preview")[0][0].GetString());
        Assert.Equal(1, import.GetProperty("totalRows").GetInt64());
        Assert.Contains(import.GetProperty("notes").Strings(), n => n.Contains("byte order mark"));
    }

    [Fact]
    public async Task DryRunThenStart_MalformedRows_ReportedByRowAndColumnAndOnlyValidRowsImported()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var bytes = Encoding.UTF8.GetBytes($"Name,E-mail,Phone\nGood {tag},good-{tag}@example.com,+1 202 555 0101\nBad {tag},not-an-email,\n" +
                $"Wide {tag},wide-{tag}@example.com,,surplus\n\"Quote {tag}\"x,quote-{tag}@example.com,\n")
            .Concat(Encoding.Latin1.GetBytes($"Müller {tag},mueller-{tag}@example.com,\n")).ToArray();
        var import = await (await sales.Http.UploadAsync(bytes)).JsonAsync();
        var id = import.GetProperty("importId").GetString()!;
        var mapping = import.GetProperty("suggestedMapping").Strings();
        Assert.Contains(import.GetProperty("notes").Strings(), n => n.Contains("Latin-1") && n.Contains("line 6"));

        var dry = await sales.Http.DryRunAsync(id, mapping, "skip");

        Assert.Equal((5L, 2L, 0L, 0L, 0L, 3L, 0L), dry.Counts());
        var issues = dry.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt64(), i.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3L, "E-mail"), (4L, "column 4"), (5L, "Name")], issues);
        Assert.Equal(0, await CountAsync(sales.Http, tag));

        await sales.Http.StartImportAsync(id, mapping, "skip");
        var done = await CompletedAsync(sales.Http, id);

        Assert.Equal(dry.Counts(), done.GetProperty("report").Counts());
        Assert.Equal(2, await CountAsync(sales.Http, tag));
        var mueller = await sales.Http.GetFromJsonAsync<JsonElement>($"api/customers?q={Uri.EscapeDataString($"mueller-{tag}")}", ApiJson.Options);
        Assert.Equal($"Müller {tag}", mueller.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("skip", "Stored", null, 1L, 0L, 0L, 2L)]
    [InlineData("update", "Renamed", "+12025550199", 1L, 2L, 0L, 0L)]
    [InlineData("merge", "Stored", "+12025550199", 1L, 0L, 2L, 0L)]
    [InlineData("create", "Stored", null, 3L, 0L, 0L, 0L)]
    public async Task Start_DuplicatesOfAStoredCustomerAndWithinTheFile_HandledAsAsked(
        string mode, string storedName, string? storedPhone, long created, long updated, long merged, long skipped)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var stored = await sales.Http.PostAsJsonAsync("api/customers", new { name = $"Stored {tag}", email = $"dup-{tag}@example.com" }, ApiJson.Options);
        var storedId = (await stored.JsonAsync()).GetProperty("customer").GetProperty("customerId").GetString()!;
        // Row 2 is the stored customer (email in other case); row 4 is row 3 (the same).
        var csv = $"Name,Email,Phone\nRenamed {tag},DUP-{tag}@example.com,+1 202 555 0199\nNew {tag},new-{tag}@example.com,\nNew again {tag},NEW-{tag}@example.com,+1 202 555 0198\n";
        var id = (await (await sales.Http.UploadAsync(csv)).JsonAsync()).GetProperty("importId").GetString()!;

        await sales.Http.StartImportAsync(id, ["name", "email", "phone"], mode);
        var done = await CompletedAsync(sales.Http, id);

        Assert.Equal((3L, created, updated, merged, skipped, 0L, 2L), done.GetProperty("report").Counts());
        var after = await sales.Http.GetFromJsonAsync<JsonElement>($"api/customers/{storedId}", ApiJson.Options);
        Assert.Equal($"{storedName} {tag}", after.GetProperty("name").GetString());
        Assert.Equal(storedPhone, after.GetProperty("phone").GetString());
        Assert.Equal(created + 1, await CountAsync(sales.Http, tag));
    }

    [Fact]
    public async Task Upload_BadInput_Is400WithTheReasonAndStartingTwiceIs409()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        await AssertProblemAsync(await sales.Http.PostAsJsonAsync("api/imports", new { }), HttpStatusCode.BadRequest, "multipart/form-data");
        await AssertProblemAsync(await sales.Http.UploadAsync(""), HttpStatusCode.BadRequest, "The file is empty");
        await AssertProblemAsync(await sales.Http.UploadAsync("Name,Email\n"), HttpStatusCode.BadRequest, "no rows");
        await AssertProblemAsync(await sales.Http.UploadAsync(Encoding.UTF8.GetBytes("Name\nA\n"), kind: "tickets"), HttpStatusCode.BadRequest, "kind=customers");
        await AssertProblemAsync(await sales.Http.UploadAsync(string.Join(',', Enumerable.Range(0, 201).Select(i => $"c{i}")) + "\nx\n"), HttpStatusCode.BadRequest, "201 columns");

        var id = (await (await sales.Http.UploadAsync($"Name,Email\nOnce {Guid.NewGuid():N},\n")).JsonAsync()).GetProperty("importId").GetString()!;
        await AssertProblemAsync(await sales.Http.PostAsJsonAsync($"api/imports/{id}/dry-run", new { mapping = new[] { "email", "email" } }, ApiJson.Options),
            HttpStatusCode.BadRequest, "mapped from two columns");
        await AssertProblemAsync(await sales.Http.PostAsJsonAsync($"api/imports/{id}/dry-run", new { mapping = new[] { "name", "ignore" }, duplicates = "sometimes" }, ApiJson.Options),
            HttpStatusCode.BadRequest, "skip, update, merge or create");
        await sales.Http.StartImportAsync(id, ["name", "ignore"], "skip");
        await AssertProblemAsync(await sales.Http.PostAsJsonAsync($"api/imports/{id}/start", new { mapping = new[] { "name", "ignore" } }, ApiJson.Options),
            HttpStatusCode.Conflict, "started already");
        await AssertProblemAsync(await sales.Http.GetAsync("api/imports/nosuchimport"), HttpStatusCode.NotFound, "no such import");
    }

    [Fact]
    public async Task Import_AnAgent_IsRefused()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var response = await agent.Http.UploadAsync("Name\nA\n");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static Task<JsonElement> CompletedAsync(HttpClient http, string importId, TimeSpan? within = null) =>
        Eventually.ReturnsAsync(() => http.GetImportAsync(importId), i => i.GetProperty("status").GetString() == "completed",
            $"import {importId} to complete", within ?? TimeSpan.FromSeconds(30));

    private static async Task<long> CountAsync(HttpClient http, string tag) =>
        (await http.GetFromJsonAsync<JsonElement>($"api/customers?q={tag}&limit=1", ApiJson.Options)).GetProperty("total").GetInt64();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(reason, text);
        response.Dispose();
    }
}
