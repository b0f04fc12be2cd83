using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Imports;
using Xunit;

namespace Crm.Grains.Tests.Imports;

/// <summary>Mapping suggestions, row validation and duplicate decisions: the plain rules the import grain runs.</summary>
public sealed class ImportRulesTests
{
    private static readonly AttributeDefinition Seats = new(AttributeTarget.Customer, "seats", "Seats", AttributeKind.Number, []);
    private static readonly string[] Headers = ["Full name", "E-mail", "Phone number", "Seats"];
    private static readonly string[] Mapping = [ImportTargets.Name, ImportTargets.Email, ImportTargets.Phone, "attr:seats"];

    [Theory]
    [InlineData("E-mail", "email")]
    [InlineData("Email Address", "email")]
    [InlineData("Work e-mail", "email")]
    [InlineData("Phone number", "phone")]
    [InlineData("Mobile", "phone")]
    [InlineData("Company", "company")]
    [InlineData("Organisation", "company")]
    [InlineData("First Name", "first-name")]
    [InlineData("Surname", "last-name")]
    [InlineData("Seats", "attr:seats")]
    [InlineData("Account manager", "ignore")]
    [InlineData("Favourite colour", "ignore")]
    public void Suggest_AHeader_MapsItByItsWords(string header, string expected) =>
        Assert.Equal(expected, ColumnSuggestions.Suggest(header, [Seats]));

    [Fact]
    public void Suggest_TwoEmailColumns_MapsOnlyTheFirst() =>
        Assert.Equal(["email", "ignore", "name"], ColumnSuggestions.Suggest(["Email", "E-mail 2", "Name"], []));

    [Fact]
    public void Problem_AFieldTwiceOrNoName_IsRefusedWithTheReason()
    {
        Assert.Null(ImportTargets.Problem(Mapping, 4, [Seats]));
        Assert.Contains("mapped from two columns", ImportTargets.Problem(["name", "email", "email", "ignore"], 4, [Seats]));
        Assert.Contains("every customer needs one", ImportTargets.Problem(["ignore", "email", "phone", "ignore"], 4, [Seats]));
        Assert.Contains("'attr:plan' is not a target", ImportTargets.Problem(["name", "email", "phone", "attr:plan"], 4, [Seats]));
        Assert.Contains("one target per column", ImportTargets.Problem(["name"], 4, [Seats]));
    }

    [Fact]
    public void Map_BadCells_ReportsEachByRowAndColumnAndKeepsTheRowOut()
    {
        var mapper = new ImportRowMapper(Headers, Mapping, [Seats]);
        var issues = new List<ImportIssue>();

        var row = mapper.Map(new CsvRecord(7, ["Ada", "not-an-email", "020 7946 0000", "a dozen"], false, null, 0), issues);

        Assert.Null(row);
        Assert.Equal(["E-mail", "Phone number", "Seats"], issues.Select(i => i.Column));
        Assert.All(issues, i => Assert.Equal(7, i.Row));
        Assert.Contains("is not a number", issues[2].Message);
    }

    [Fact]
    public void Map_TooManyCells_ReportsTheFirstExtraColumn()
    {
        var issues = new List<ImportIssue>();

        var row = new ImportRowMapper(Headers, Mapping, [Seats]).Map(new CsvRecord(3, ["Ada", "ada@example.com", "", "", "surplus"], false, null, 0), issues);

        Assert.Null(row);
        Assert.Equal("column 5", Assert.Single(issues).Column);
    }

    [Fact]
    public void Map_AGoodRow_NormalizesLikeASave()
    {
        var row = new ImportRowMapper(Headers, Mapping, [Seats]).Map(new CsvRecord(2, [" Ada ", "Ada@Example.com", "+44 (20) 7946-0000", "12.50"], false, null, 0), []);

        Assert.Equal(new[] { "Ada", "Ada@Example.com", "+442079460000", "12.50" }, new[] { row!.Name, row.Email, row.Phone, row.Attributes["seats"] });
    }

    [Theory]
    [InlineData(DuplicateMode.Skip, 2, 0, 0, 2)]
    [InlineData(DuplicateMode.Update, 2, 2, 0, 0)]
    [InlineData(DuplicateMode.Merge, 2, 0, 2, 0)]
    [InlineData(DuplicateMode.Create, 4, 0, 0, 0)]
    public async Task Plan_DuplicatesOfStoredAndOfEarlierRows_AreCountedByMode(DuplicateMode mode, int created, int updated, int merged, int skipped)
    {
        // The directory's answer: the stored customer whose email or phone a row of the batch has.
        var stored = new DuplicateProbe("stored-1", "Ada", "ADA@example.com", "+442079460000", null);
        var asked = new List<string>();
        var planner = new ImportPlanner(new ImportDuplicates("imp"), mode, (emails, phones) =>
        {
            asked.AddRange(emails);
            IReadOnlyList<DuplicateProbe> found = emails.Any(e => e.Equals(stored.Email, StringComparison.OrdinalIgnoreCase)) ? [stored] : [];
            return Task.FromResult(found);
        });
        var counts = ImportCounts.Zero;
        ImportCandidate Row(long line, string email, string? phone = null) => new(line, $"Row {line}", email, phone, null, [], new Dictionary<string, string>());
        ImportCandidate[] rows =
        [
            Row(2, "ada@example.com"),        // the stored record, by email case-folded
            Row(3, "bob@example.com"),        // new
            Row(4, "bobby@example.com", "+15551000001"), // new
            Row(5, "BOB@example.com"),        // row 3, within the file
        ];

        await planner.LookUpStoredAsync(rows);
        var plans = new List<PlannedRow>();
        foreach (var row in rows) plans.Add(planner.Plan(row, ref counts));

        Assert.Equal(4, asked.Count);
        Assert.Equal(new ImportCounts(4, created, updated, merged, skipped, 0, 2), counts);
        if (mode != DuplicateMode.Create)
        {
            Assert.Equal("stored-1", plans[0].CustomerId);
            Assert.Equal(("imp-3", (long?)3), (plans[3].CustomerId, plans[3].TargetLine));
        }
    }

    [Fact]
    public async Task LookUpStored_KeysHeldAlready_AreNotAskedForAgain()
    {
        var asked = new List<string>();
        var planner = new ImportPlanner(new ImportDuplicates("imp"), DuplicateMode.Skip, (emails, phones) =>
        {
            asked.AddRange([.. emails, .. phones]);
            return Task.FromResult<IReadOnlyList<DuplicateProbe>>([new DuplicateProbe("stored-1", "Ada", "ada@example.com", "+442079460000", null)]);
        });
        var counts = ImportCounts.Zero;
        ImportCandidate Row(long line, string email, string? phone = null) => new(line, $"Row {line}", email, phone, null, [], new Dictionary<string, string>());
        await planner.LookUpStoredAsync([Row(2, "ada@example.com")]);
        planner.Plan(Row(3, "bob@example.com"), ref counts);
        asked.Clear();

        await planner.LookUpStoredAsync([Row(4, "ADA@example.com", "+442079460000"), Row(5, "bob@example.com"), Row(6, "carol@example.com")]);

        Assert.Equal(["carol@example.com"], asked);
    }

    [Fact]
    public void Find_ARowsOwnCustomerAfterAResume_IsNoDuplicate()
    {
        var duplicates = new ImportDuplicates("imp");
        duplicates.AddStored([new DuplicateProbe("imp-9", "Row 9", "nine@example.com", null, null)]);

        Assert.Null(duplicates.Find(new ImportCandidate(9, "Row 9", "nine@example.com", null, null, [], new Dictionary<string, string>())));
        Assert.Equal("imp-9", duplicates.Find(new ImportCandidate(10, "Row 10", "NINE@example.com", null, null, [], new Dictionary<string, string>()))?.CustomerId);
    }

    [Fact]
    public void Fold_MergeFillsOnlyWhatIsMissingAndUpdateOverwrites()
    {
        var stored = new ImportCandidate(2, "Ada", "ada@example.com", null, "Engines", ["vip"], new Dictionary<string, string> { ["seats"] = "3" });
        var row = new ImportCandidate(5, "Ada Lovelace", null, "+442079460000", "Analytical", ["new"], new Dictionary<string, string> { ["seats"] = "4" });

        var merged = ImportFold.Apply(stored, row, DuplicateMode.Merge);
        var updated = ImportFold.Apply(stored, row, DuplicateMode.Update);

        Assert.Equal(("Ada", "ada@example.com", "+442079460000", "Engines", "3"), (merged.Name, merged.Email, merged.Phone, merged.CompanyName, merged.Attributes["seats"]));
        Assert.Equal(("Ada Lovelace", "ada@example.com", "+442079460000", "Analytical", "4"), (updated.Name, updated.Email, updated.Phone, updated.CompanyName, updated.Attributes["seats"]));
        Assert.Equal(["vip", "new"], merged.Tags);
    }
}
