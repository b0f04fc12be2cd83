using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Sales;

/// <summary>
/// Companies and deals through the one import pipeline: suggestions from the header, a dry run that reports bad rows by
/// row and column and writes nothing, company duplicates by name or domain, deals naming their company and contact.
/// </summary>
public sealed class CompanyAndDealImportTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task Companies_DuplicatesByDomainAndName_SkippedAndBadDomainReportedAtItsColumn()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var stored = await sales.Http.PostAsJsonAsync("api/companies", new { name = $"Stored {tag}", domain = $"stored-{tag}.example" });
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var csv = $"Company,Website,Owner\nNew {tag},new-{tag}.example,sasha\nOther name {tag},https://stored-{tag}.example/,\n" +
            $"new {tag},,\nBad {tag},not a domain,\n";
        var import = await (await sales.Http.UploadAsync(Encoding.UTF8.GetBytes(csv), "companies.csv", "companies")).JsonAsync();
        var id = import.GetProperty("importId").GetString()!;
        Assert.Equal(["name", "domain", "owner"], import.GetProperty("suggestedMapping").Strings());

        var dry = await sales.Http.DryRunAsync(id, ["name", "domain", "owner"], "skip");

        Assert.Equal((4L, 1L, 0L, 0L, 2L, 1L, 2L), dry.Counts());
        var issue = Assert.Single(dry.GetProperty("issues").EnumerateArray());
        Assert.Equal((5L, "Website"), (issue.GetProperty("row").GetInt64(), issue.GetProperty("column").GetString()));
        Assert.Equal(1, await CompaniesAsync(sales.Http, tag));

        await sales.Http.StartImportAsync(id, ["name", "domain", "owner"], "skip");
        var done = await ImportApiTests.CompletedAsync(sales.Http, id);

        Assert.Equal(dry.Counts(), done.GetProperty("report").Counts());
        Assert.Equal(2, await CompaniesAsync(sales.Http, tag));
    }

    [Fact]
    public async Task Deals_BadStageAmountCurrencyOrCompany_ReportedPerRowAndTheGoodRowLinkedToCompanyAndContact()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var company = await sales.Http.PostAsJsonAsync("api/companies", new { name = $"Buyer {tag}" });
        var companyId = (await company.JsonAsync()).GetProperty("companyId").GetString()!;
        using var customer = await sales.Http.PostAsJsonAsync("api/customers", new { name = "Buyer contact", email = $"buyer-{tag}@example.com" });
        var customerId = (await customer.JsonAsync()).GetProperty("customer").GetProperty("customerId").GetString()!;
        var csv = "Deal name,Stage,Amount,Currency,Close date,Company,Contact email\n" +
            $"Good {tag},Proposal,1200.50,eur,2027-03-01,Buyer {tag},BUYER-{tag}@example.com\n" +
            $"Stage {tag},closing,10,EUR,,,\nNegative {tag},lead,-5,EUR,,,\nCurrency {tag},lead,5,EURO,,,\nCompany {tag},lead,5,EUR,,Nobody {tag},\n";
        var import = await (await sales.Http.UploadAsync(Encoding.UTF8.GetBytes(csv), "deals.csv", "deals")).JsonAsync();
        var id = import.GetProperty("importId").GetString()!;
        var mapping = import.GetProperty("suggestedMapping").Strings();
        Assert.Equal(["title", "stage", "amount", "currency", "close", "company", "contact-email"], mapping);

        var dry = await sales.Http.DryRunAsync(id, mapping, "skip");

        Assert.Equal((5L, 1L, 0L, 0L, 0L, 4L, 0L), dry.Counts());
        var issues = dry.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt64(), i.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3L, "Stage"), (4L, "Amount"), (5L, "Currency"), (6L, "Company")], issues);

        await sales.Http.StartImportAsync(id, mapping, "skip");
        await ImportApiTests.CompletedAsync(sales.Http, id);

        var deal = Assert.Single(await sales.Http.GetFromJsonAsync<List<JsonElement>>($"api/deals?company={companyId}", ApiJson.Options) ?? []);
        Assert.Equal(("proposal", 1200.50m, "EUR"), (deal.GetProperty("stageId").GetString(), deal.GetProperty("amount").GetDecimal(), deal.GetProperty("currency").GetString()));
        Assert.Equal(customerId, deal.GetProperty("contactIds")[0].GetString());
    }

    [Fact]
    public async Task DealsImport_MappingWithACustomerTarget_Is400NamingTheDealTargets()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var import = await (await sales.Http.UploadAsync(Encoding.UTF8.GetBytes("Title,Email\nA,a@example.com\n"), "deals.csv", "deals")).JsonAsync();

        using var response = await sales.Http.PostAsJsonAsync($"api/imports/{import.GetProperty("importId").GetString()}/dry-run",
            new { mapping = new[] { "title", "email" }, duplicates = "skip" }, ApiJson.Options);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains("contact-email", text);
    }

    private static async Task<long> CompaniesAsync(HttpClient http, string tag) =>
        (await http.GetFromJsonAsync<JsonElement>($"api/companies?q={tag}&limit=10", ApiJson.Options)).GetProperty("total").GetInt64();
}
