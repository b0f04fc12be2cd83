using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;

namespace Crm.Web.Tests.Security;

/// <summary>
/// The callers of the authorization matrix (anonymous, a widget visitor, each console role of the demo workspace) as
/// HTTP clients, and concrete URLs for the report's route templates: shared by the matrix test and the fuzzer.
/// </summary>
public static partial class MatrixCallers
{
    public static readonly string[] Staff = ["sales", "agent", "supervisor", "admin"];
    public static readonly string[] All = ["anonymous", "visitor", .. Staff];

    public static readonly IReadOnlyDictionary<string, string> StaffEmails = new Dictionary<string, string>
    {
        ["sales"] = "sales@demo.crm", ["agent"] = DemoUsers.Agent, ["supervisor"] = "supervisor@demo.crm", ["admin"] = DemoUsers.Admin,
    };

    /// <summary>Signing out ends the caller's session: callers keep away from these, or use a sign-in of their own.</summary>
    public static readonly IReadOnlySet<string> SignOuts = new HashSet<string> { "/api/auth/logout", "/account/logout" };

    /// <summary>One client per caller, redirects not followed (a refusal of a page is a redirect to sign in).</summary>
    public static async Task<Dictionary<string, HttpClient>> ClientsAsync(WebNodeFixture node)
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress },
        };
        var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };
        visitor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await VisitorClient.CreateSessionAsync(node.BaseAddress)).Token);
        clients["visitor"] = visitor;
        foreach (var (caller, email) in StaffEmails) clients[caller] = (await node.SignInAsync(email)).Http;
        return clients;
    }

    public static bool IsStaticFile(string route) => route.Contains('.', StringComparison.Ordinal) || route.Contains(":file}", StringComparison.Ordinal);

    /// <summary>A concrete URL for a route template: every parameter gets <paramref name="value"/> (already URL-encoded).</summary>
    public static string Concrete(string route, string value = "authz-probe")
    {
        var path = route.TrimStart('/');
        foreach (var (name, known) in new[] { ("{workspaceId}", "demo"), ("{fileName}", "probe.pdf") })
            path = path.Replace(name, value == "authz-probe" ? known : value, StringComparison.Ordinal);
        return Parameter().Replace(path, value.Replace("$", "$$", StringComparison.Ordinal));
    }

    /// <summary>The names of a route template's parameters, in order.</summary>
    public static IReadOnlyList<string> Parameters(string route) => Parameter().Matches(route).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
