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
    public async Task Put_BadValue_Returns400AndStoresNothing(string _, string body, string? reason)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var before = await sales.Http.GetStringAsync("api/account/preferences");

        using var response = await sales.Http.PutAsync("api/account/preferences", new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        if (reason is not null) Assert.Contains(reason, text);
        Assert.Equal(before, await sales.Http.GetStringAsync("api/account/preferences"));
    }

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
}
