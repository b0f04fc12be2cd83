using System.Text.Json.Nodes;
using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Account;

/// <summary>An open console tab whose session is ended elsewhere (or whose user is deactivated) goes to the login page by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionEndTests(BrowserFixture crm)
{
    [Fact]
    public async Task EndSession_FromAnotherDevice_TheOpenConsoleLandsOnTheLoginPage()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, "admin@demo.crm");
        var member = await admin.AddMemberAsync("agent");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(member.Email);
        using var phone = await member.SignInAsync(crm.BaseAddress);
        var browserSession = JsonNode.Parse(await phone.Http.GetStringAsync("api/account/sessions"))!.AsArray()
            .Single(s => !s!["current"]!.GetValue<bool>())!["sessionId"]!.GetValue<string>();

        using var end = await phone.Http.DeleteAsync($"api/account/sessions/{browserSession}");

        Assert.True(end.IsSuccessStatusCode, $"{(int)end.StatusCode} {await end.Content.ReadAsStringAsync()}");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.GotoAsync("inbox");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Deactivate_UserWithTheConsoleOpen_TheConsoleLandsOnTheLoginPage()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, "admin@demo.crm");
        var member = await admin.AddMemberAsync("agent");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(member.Email);

        using var deactivate = await admin.Http.PostAsync($"api/admin/users/{member.UserId}/deactivate", null);

        Assert.True(deactivate.IsSuccessStatusCode, $"{(int)deactivate.StatusCode} {await deactivate.Content.ReadAsStringAsync()}");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }
}
