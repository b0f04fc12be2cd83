using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Api;

/// <summary>
/// A user's own preferences over REST: the defaults (follow the device, no browser notification, no sound), a change
/// that sticks, and every bad value refused with a 400 that says why while nothing is stored.
/// </summary>
public sealed class PreferencesApiTests(ProductionWebNodeFixture node) : IClassFixture<ProductionWebNodeFixture>
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "unknown theme", """{"theme":"purple","browserNotifications":true,"sound":true}""", "'purple' is not a valid theme" },
        { "no theme", """{"browserNotifications":true,"sound":true}""", "theme" },
        { "unknown setting", """{"theme":"dark","browserNotifications":true,"sound":true,"volume":11}""", "Unknown setting: volume" },
        { "sound missing", """{"theme":"dark","browserNotifications":true}""", "sound" },
        { "sound not a boolean", """{"theme":"dark","browserNotifications":true,"sound":"loud"}""", null! },
        { "not json", "dark please", null! },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public Task Put_BadValue_Returns400AndStoresNothing(string _, string body, string? reason) =>
        AssertRefusedAsync("api/account/preferences", body, reason);

    [Fact]
    public async Task Put_ValidPreferences_AreTheUsersOwnAndStick()
    {
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var defaults = JsonNode.Parse(await supervisor.Http.GetStringAsync("api/account/preferences"))!;
        Assert.Equal("system", defaults["theme"]!.GetValue<string>().ToLowerInvariant());
        Assert.False(defaults["sound"]!.GetValue<bool>());

        using var put = await supervisor.Http.PutAsJsonAsync("api/account/preferences", new { theme = "Dark", browserNotifications = true, sound = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var stored = JsonNode.Parse(await supervisor.Http.GetStringAsync("api/account/preferences"))!;
        Assert.Equal("dark", stored["theme"]!.GetValue<string>().ToLowerInvariant());
        Assert.True(stored["sound"]!.GetValue<bool>());
        var others = JsonNode.Parse(await admin.Http.GetStringAsync("api/account/preferences"))!;
        Assert.Equal("system", others["theme"]!.GetValue<string>().ToLowerInvariant());
    }

    public static TheoryData<string, string, string?> BadLayouts => new()
    {
        { "list too wide", """{"listWidth":5000,"contextWidth":300,"listFolded":false,"contextFolded":false}""", "listWidth must be 200" },
        { "context too narrow", """{"listWidth":300,"contextWidth":10,"listFolded":false,"contextFolded":false}""", "contextWidth must be 200" },
        { "fold missing", """{"listWidth":300,"contextWidth":300,"listFolded":false}""", "contextFolded" },
        { "unknown setting", """{"listWidth":300,"contextWidth":300,"listFolded":false,"contextFolded":false,"zoom":2}""", "Unknown setting: zoom" },
        { "width not a number", """{"listWidth":"wide","contextWidth":300,"listFolded":false,"contextFolded":false}""", null },
        { "not json", "wide please", null },
    };

    [Theory]
    [MemberData(nameof(BadLayouts))]
    public Task PutLayout_BadValue_Returns400AndStoresNothing(string _, string body, string? reason) =>
        AssertRefusedAsync("api/account/preferences/layout", body, reason);

    [Fact]
    public async Task PutLayout_Valid_IsTheUsersOwnAndSticks()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var others = await sales.Http.GetStringAsync("api/account/preferences/layout");

        using var put = await admin.Http.PutAsJsonAsync("api/account/preferences/layout", new { listWidth = 420, contextWidth = 280, listFolded = true, contextFolded = false });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var stored = JsonNode.Parse(await admin.Http.GetStringAsync("api/account/preferences/layout"))!;
        Assert.Equal((420, true), (stored["listWidth"]!.GetValue<int>(), stored["listFolded"]!.GetValue<bool>()));
        Assert.Equal(others, await sales.Http.GetStringAsync("api/account/preferences/layout"));
    }

    /// <summary>PUT <paramref name="body"/> to <paramref name="path"/>: a 400 naming <paramref name="reason"/>, and a GET of it unchanged.</summary>
    private async Task AssertRefusedAsync(string path, string body, string? reason)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var before = await sales.Http.GetStringAsync(path);

        using var response = await sales.Http.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        if (reason is not null) Assert.Contains(reason, text);
        Assert.Equal(before, await sales.Http.GetStringAsync(path));
    }
}
