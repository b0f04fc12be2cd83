using System.Net;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>The security headers on console pages, the API, the demo site and the widget script.</summary>
public sealed class SecurityHeadersTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    private const string ConsoleCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws://{host} wss://{host}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };

    private string Host => node.BaseAddress.Authority;

    [Theory]
    [InlineData("account/login", HttpStatusCode.OK)]
    [InlineData("inbox", HttpStatusCode.Redirect)]
    public async Task ConsolePage_HasCspAndFramingAndSniffingHeaders(string path, HttpStatusCode status)
    {
        using var http = NewClient();
        using var response = await http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ConsoleCsp.Replace("{host}", Host), Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=(), payment=(), usb=()", Header(response, "Permissions-Policy"));
        Assert.DoesNotContain("unsafe-eval", Header(response, "Content-Security-Policy"));
        // Development over http: never pinned to https.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Api_ErrorAnswers_CarryTheLockedDownPolicy()
    {
        using var http = NewClient();
        using var response = await http.GetAsync("api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("default-src 'none'; img-src 'self'; media-src 'self'; frame-ancestors 'none'; sandbox", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
    }

    [Fact]
    public async Task WidgetScript_MayBeLoadedByAnyOrigin()
    {
        using var http = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "widget/crm-widget.js");
        request.Headers.Add("Origin", "https://shop.example");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cross-origin", Header(response, "Cross-Origin-Resource-Policy"));
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WidgetApi_IsCrossOriginReadable()
    {
        using var http = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/widget/availability?workspaceId={DemoUsers.Workspace}");
        request.Headers.Add("Origin", "https://shop.example");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cross-origin", Header(response, "Cross-Origin-Resource-Policy"));
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DemoSite_PolicyAllowsTheWidgetFromThisOrigin()
    {
        using var http = NewClient();
        using var response = await http.GetAsync("demo/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            $"connect-src 'self' ws://{Host} wss://{Host}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
            Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : $"(no {name})";
}
