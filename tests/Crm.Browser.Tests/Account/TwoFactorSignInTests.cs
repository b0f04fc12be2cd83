using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Account;

/// <summary>The login page's second step: an authenticator code or a recovery code, after the password.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorSignInTests(BrowserFixture crm)
{
    [Fact]
    public async Task SignIn_WithTwoFactor_AsksForTheCodeThenOpensTheInbox()
    {
        var (member, key, _) = await MemberWithTwoFactorAsync();
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");

        await page.SubmitLoginAsync(member.Email, CrmProcess.DemoPassword);
        await Expect(page.Locator("#code")).ToBeVisibleAsync();
        await page.Locator("#code").FillAsync(Totp.WrongCode(key));
        await page.Locator("#verify").ClickAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToHaveTextAsync("That code is not right.");
        // The set-up used this step's code, and each code works once: the next step's (within the drift allowed).
        await page.Locator("#code").FillAsync(Totp.NextCode(key));
        await page.Locator("#verify").ClickAsync();

        await Expect(page.GetByTestId("inbox-ready")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnce()
    {
        var (member, _, codes) = await MemberWithTwoFactorAsync();
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();

        await SubmitCodeAsync(page, member.Email, codes[0]);
        await Expect(page.GetByTestId("inbox-ready")).ToBeVisibleAsync();
        await using var again = await crm.NewContextAsync();
        var second = await again.NewPageAsync();
        await SubmitCodeAsync(second, member.Email, codes[0]);

        await Expect(second.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToHaveTextAsync("That recovery code is not right or was already used.");
    }

    private static async Task SubmitCodeAsync(Microsoft.Playwright.IPage page, string email, string code)
    {
        await page.GotoAsync("account/login");
        await page.SubmitLoginAsync(email, CrmProcess.DemoPassword);
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#verify").ClickAsync();
    }

    private async Task<(Member Member, string Key, IReadOnlyList<string> Codes)> MemberWithTwoFactorAsync()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, "admin@demo.crm");
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(crm.BaseAddress);
        var (key, codes, _) = await user.TurnOnTwoFactorAsync();
        return (member, key, codes);
    }
}
