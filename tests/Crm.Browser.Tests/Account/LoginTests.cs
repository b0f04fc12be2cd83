using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Account;

/// <summary>The console is behind the static login page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture crm)
{
    [Fact]
    public async Task VisitInbox_Unauthenticated_RedirectsToLoginPage()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("inbox");

        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        Assert.Equal(0, await page.GetByTestId("inbox-ready").CountAsync());
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysOnLoginPage()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");

        // Not one of the agents the other tests sign in as: failed attempts count towards a lockout.
        await page.SubmitLoginAsync("sales@demo.crm", "not-the-password");

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("Wrong email or password.");
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
    }
}
