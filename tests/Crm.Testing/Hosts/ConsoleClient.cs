using System.Net;
using System.Net.Http.Json;

namespace Crm.Testing.Hosts;

/// <summary>An HTTP client signed in as a console user (cookie auth), plus what a SignalR client needs to reuse the cookie.</summary>
public sealed class ConsoleClient : IDisposable
{
    private ConsoleClient(Uri baseAddress, CookieContainer cookies)
    {
        BaseAddress = baseAddress;
        Cookies = cookies;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public CookieContainer Cookies { get; }
    public HttpClient Http { get; }

    /// <summary>Signs in through /api/auth/login; fails the test with the server's answer if refused.</summary>
    public static async Task<ConsoleClient> SignInAsync(Uri baseAddress, string email, string password = CrmProcess.DemoPassword)
    {
        var client = new ConsoleClient(baseAddress, new CookieContainer());
        using var response = await client.Http.PostAsJsonAsync("api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    /// <summary>A client with its own cookie jar, not signed in yet: for sign-ins in several steps (two-factor).</summary>
    public static ConsoleClient Anonymous(Uri baseAddress) => new(baseAddress, new CookieContainer());

    /// <summary>The cookie header to hand to another client (e.g. a SignalR connection) for the same session.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(BaseAddress);

    public void Dispose() => Http.Dispose();
}
