using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Api;

/// <summary>/api/workspace/sla: everyone in the workspace reads it, only admins change it, bad settings are refused whole.</summary>
public sealed class WorkspaceSettingsApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    private static object Settings(string closes = "17:00:00") => new
    {
        calendar = new
        {
            timeZoneId = "Europe/Berlin",
            openingHours = new[] { new { day = "monday", opens = "09:00:00", closes }, new { day = "tuesday", opens = "09:00:00", closes } },
            holidays = new[] { "2026-12-25" },
        },
        policy = new
        {
            targets = new[] { new { priority = "urgent", firstResponse = "00:10:00", nextResponse = "00:20:00", resolution = "02:00:00" } },
        },
    };

    [Fact]
    public async Task PutSla_ByAdmin_StoredAndReadBackByAnAgent()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var put = await admin.Http.PutAsJsonAsync("api/workspace/sla", Settings());
        var read = JsonNode.Parse(await agent.Http.GetStringAsync("api/workspace/sla"))!;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Europe/Berlin", read["calendar"]!["timeZoneId"]!.GetValue<string>());
        Assert.Equal("00:10:00", read["policy"]!["targets"]![0]!["firstResponse"]!.GetValue<string>());
        Assert.False(read["isDefault"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task PutSla_ByAnAgent_Forbidden()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent2);

        using var put = await agent.Http.PutAsJsonAsync("api/workspace/sla", Settings());

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task PutSla_InvertedOpeningHours_Returns400WithTheRuleAndKeepsTheOldSettings()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var before = await admin.Http.GetStringAsync("api/workspace/sla");

        using var put = await admin.Http.PutAsJsonAsync("api/workspace/sla", Settings(closes: "08:00:00"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("monday", (await put.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(before, await admin.Http.GetStringAsync("api/workspace/sla"));
    }
}
