using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Imports;
using Crm.Grains.Imports.Kinds;
using Crm.Grains.Pipelines;
using Xunit;

namespace Crm.Grains.Tests.Imports;

/// <summary>The companies and deals kinds' plain rules: suggestions, mapping checks, row decisions and duplicates, without a cluster.</summary>
public sealed class ImportKindRulesTests
{
    private static readonly ImportScope Companies = new("ws", "imp", ["Company", "Website", "Owner"]);
    private static readonly ImportScope Deals = new("ws", "imp", ["Title", "Stage", "Amount", "Currency", "Company", "Email"]);

    [Fact]
    public void Suggest_CompanyAndDealHeaders_MapByTheirWords()
    {
        Assert.Equal(["name", "domain", "owner", "ignore"], new CompanyImportKind().Suggest(["Company", "Website", "Owner", "Notes"]));
        Assert.Equal(["title", "stage", "amount", "currency", "company", "contact-email"],
            new DealImportKind().Suggest(["Deal name", "Deal stage", "Value", "Currency", "Account", "Contact email"]));
    }

    [Fact]
    public void Problem_CustomerTargetOrNoTitle_IsRefusedWithTheKindsTargets()
    {
        Assert.Contains("contact-email", KindSuggestions.Problem(new DealImportKind(), ["title", "email"], 2));
        Assert.Contains("Map a column to 'title'", KindSuggestions.Problem(new DealImportKind(), ["amount", "ignore"], 2));
        Assert.Null(KindSuggestions.Problem(new CompanyImportKind(), ["name", "domain", "ignore"], 3));
    }

    [Fact]
    public void CompanyRows_SameDomainOrNameAsBefore_AreDuplicatesAndABadDomainIsAColumnIssue()
    {
        var index = new CompanyImportIndex();
        index.Add("stored", "Stored Ltd", "stored.example");
        var rows = new CompanyImportRows(Companies, ["name", "domain", "owner"], DuplicateMode.Skip, index);
        var issues = new List<ImportIssue>();
        var counts = ImportCounts.Zero;

        var writes = new[]
        {
            rows.Plan(Row(2, "New Ltd", "new.example", ""), issues, ref counts),
            rows.Plan(Row(3, "Other", "https://STORED.example/", ""), issues, ref counts),
            rows.Plan(Row(4, "new ltd", "", ""), issues, ref counts),
            rows.Plan(Row(5, "Bad", "not a domain", ""), issues, ref counts),
        };

        Assert.Equal(("imp-2", null, null, null), (writes[0]?.TargetId, writes[1], writes[2], writes[3]));
        Assert.Equal(new ImportCounts(4, 1, 0, 0, 2, 1, 2), counts);
        Assert.Equal((5L, "Website"), (Assert.Single(issues).Row, issues[0].Column));
    }

    [Fact]
    public void CompanyRows_UpdateMode_WritesToTheStoredCompany()
    {
        var index = new CompanyImportIndex();
        index.Add("stored", "Stored Ltd", "stored.example");
        var rows = new CompanyImportRows(Companies, ["name", "domain", "owner"], DuplicateMode.Update, index);
        var counts = ImportCounts.Zero;

        var write = rows.Plan(Row(2, "Stored Ltd", "", "sasha"), [], ref counts);

        Assert.Equal(("stored", true), (write!.TargetId, write.Updates));
        Assert.Equal(1, counts.Updated);
    }

    [Theory]
    [InlineData("closing", "10", "EUR", "Acme", "Stage", "not a stage of pipeline sales")]
    [InlineData("lead", "-5", "EUR", "Acme", "Amount", "cannot be negative")]
    [InlineData("lead", "5", "EURO", "Acme", "Currency", "ISO 4217")]
    [InlineData("lead", "5", "EUR", "Nobody", "Company", "no company named 'Nobody'")]
    public void DealRows_BadCell_IsAnIssueAtItsColumnAndTheRowIsLeftOut(string stage, string amount, string currency, string company, string column, string reason)
    {
        var rows = Rows();
        var issues = new List<ImportIssue>();
        var counts = ImportCounts.Zero;

        var write = rows.Plan(new CsvRecord(2, ["T", stage, amount, currency, company, ""], false, null, 0), issues, ref counts);

        Assert.Null(write);
        Assert.Equal((1L, 1L), (counts.Rows, counts.Invalid));
        var issue = Assert.Single(issues);
        Assert.Equal(column, issue.Column);
        Assert.Contains(reason, issue.Message);
    }

    [Fact]
    public void DealRows_GoodRow_ResolvesStageByNameCompanyAndContactCaseInsensitively()
    {
        var counts = ImportCounts.Zero;

        var write = Rows().Plan(new CsvRecord(2, ["Big deal", "Proposal", "1200.50", "eur", "acme", "ADA@example.com"], false, null, 0), [], ref counts);

        Assert.Equal(("imp-2", 1L), (write?.TargetId, counts.Created));
    }

    [Fact]
    public async Task DealRows_ABatch_LooksUpEachContactEmailItNamesOnce()
    {
        var asked = new List<string>();

        await Rows(asked).PrepareAsync([
            Row(2, "A", "lead", "1", "EUR", "", " ada@example.com "), Row(3, "B", "lead", "1", "EUR", "", "ADA@example.com"),
            Row(4, "C", "lead", "1", "EUR", ""), Row(5, "D", "lead", "1", "EUR", "", "bob@example.com")]);

        Assert.Equal(["ada@example.com", "bob@example.com"], asked);
    }

    private static DealImportRows Rows(List<string>? asked = null) => new(Deals, ["title", "stage", "amount", "currency", "company", "contact-email"],
        new DealImportLookups([PipelineDefaults.Sales], new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Acme"] = "acme" },
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ada@example.com"] = "ada" }),
        emails =>
        {
            asked?.AddRange(emails);
            return Task.CompletedTask;
        });

    private static CsvRecord Row(long line, params string[] cells) => new(line, cells, false, null, 0);
}
