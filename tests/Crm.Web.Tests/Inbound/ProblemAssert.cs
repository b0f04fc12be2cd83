using System.Net;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Inbound;

public static class ProblemAssert
{
    /// <summary>The response is a ProblemDetails with <paramref name="expected"/> status whose detail contains <paramref name="reason"/>.</summary>
    public static async Task StatusAsync(HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.ProblemDetailAsync());
    }
}
