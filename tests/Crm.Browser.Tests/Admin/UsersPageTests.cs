using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Admin;

/// <summary>An admin invites from the Users page; the link it shows lets the person choose a password and sign in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersPageTests(BrowserFixture crm)
{
    [Fact]
    public async Task Invite_FromTheUsersPage_TheLinkSetsAPasswordThatSignsIn()
    {
        var email = $"invited-{Guid.NewGuid():N}"[..20] + "@members.test";
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@demo.crm");
        await page.GotoAsync("admin/users");

        // MudTextField puts the test id on the <input> itself.
        await page.Locator("input[data-testid=invite-email]").FillAsync(email);
        await page.Locator("input[data-testid=invite-name]").FillAsync("Invited Person");
        await page.GetByTestId("invite-send").ClickAsync();
        var link = (await page.GetByTestId("invite-link").Locator("span").InnerTextAsync()).Trim();
        await Expect(page.GetByTestId("user-list")).ToContainTextAsync(email);

        await using var invitee = await crm.NewContextAsync();
        var accept = await invitee.NewPageAsync();
        await accept.GotoAsync(link);
        await accept.Locator("#password").FillAsync(CrmProcess.DemoPassword);
        await accept.Locator("#confirm").FillAsync(CrmProcess.DemoPassword);
        await accept.Locator("#accept").ClickAsync();
        await Expect(accept.Locator("#invite-accepted")).ToBeVisibleAsync();
        await accept.SignInAsync(email);
    }
}
