using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Audit;
using Xunit;

namespace Crm.Web.Tests.Support;

/// <summary>The /api/admin/audit calls the tests make, on a signed-in HttpClient.</summary>
public static class AuditApiClient
{
    public const string Path = "api/admin/audit";

    /// <summary>One page of the trail for <paramref name="query"/> (a query string without '?'); fails the test on a refusal.</summary>
    public static async Task<AuditPage> ReadAuditAsync(this HttpClient http, string query = "")
    {
        using var response = await http.GetAsync($"{Path}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Reading the audit ({query}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AuditPage>(ApiJson.Options))!;
    }

    /// <summary>Every entry of one entity, newest first (one page of the maximum size).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadEntityAuditAsync(this HttpClient http, string category, string entityId) =>
        (await http.ReadAuditAsync($"category={category}&entity={entityId}&limit={AuditQuery.MaxLimit}")).Entries;

    public static async Task<AuditChainStatus> VerifyAuditChainAsync(this HttpClient http)
    {
        using var response = await http.GetAsync($"{Path}/chain");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Verifying the chain: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AuditChainStatus>(ApiJson.Options))!;
    }
}
