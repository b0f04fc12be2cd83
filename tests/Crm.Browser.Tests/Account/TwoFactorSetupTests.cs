using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Account;

/// <summary>Setting up two-factor sign-in from the console: the key, a code from it, then the recovery codes once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorSetupTests(BrowserFixture crm)
{
    [Fact]
    public async Task SetUp_WithACodeFromTheKeyShown_TurnsItOnAndShowsTenRecoveryCodes()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, "admin@demo.crm");
        var member = await admin.AddMemberAsync("agent");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(member.Email);
        await page.GotoAsync("account/two-factor");

        await page.GetByTestId("two-factor-begin").ClickAsync();
        var key = (await page.GetByTestId("two-factor-key").InnerTextAsync()).Replace(" ", "");
        await page.Locator("input[data-testid=two-factor-code]").FillAsync(Totp.Code(key));
        await page.GetByTestId("two-factor-confirm").ClickAsync();

        await Expect(page.GetByTestId("recovery-codes").Locator("p")).ToHaveCountAsync(10);
        await page.GetByTestId("two-factor-continue").ClickAsync();
        await Expect(page.GetByTestId("inbox-ready")).ToBeVisibleAsync();
        using var client = ConsoleClient.Anonymous(crm.BaseAddress);
        using var password = await client.PasswordStepAsync(member.Email);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, password.StatusCode);
        Assert.Contains("twoFactorRequired", await password.Content.ReadAsStringAsync());
    }
}
