using System.Text;
using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Sales;

/// <summary>
/// The import page as a sales rep uses it: upload, the suggested mapping, a dry run's report, then the import to its
/// end. Three batches' worth of rows, so the page learns of the end from the live feed, not from its read at the start.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportPageTests(BrowserFixture crm)
{
    [Fact]
    public async Task ImportPage_UploadDryRunAndStart_ShowsTheReportAndRunsToDone()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var csv = $"Name,E-mail,Phone number\nAda {tag},ada-{tag}@example.com,+44 20 7946 0000\nBad {tag},not-an-email,\n"
            + string.Concat(Enumerable.Range(0, 12_000).Select(i => $"Person {i} {tag},p{i}-{tag}@example.com,\n"));
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("sales@demo.crm");
        await page.GotoAsync("customers/import");

        await page.Locator("[data-testid=import-upload] input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(page.GetByTestId("import-mapping")).ToContainTextAsync("Phone number");
        await page.GetByTestId("import-dry-run").ClickAsync();

        await Expect(page.GetByTestId("import-report")).ToContainTextAsync("Invalid 1");
        await Expect(page.GetByTestId("import-issues")).ToContainTextAsync("E-mail");
        await page.GetByTestId("import-start").ClickAsync();

        await Expect(page.GetByTestId("import-status")).ToContainTextAsync("Done", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("import-report")).ToContainTextAsync("Invalid 1");
        await Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
    }
}
