using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Security;

/// <summary>A node that also accepts changes from one configured origin (Crm:Security:AllowedOrigins).</summary>
public sealed class AllowedOriginNodeFixture() : WebNodeFixture(environment: null, new Dictionary<string, string?>
{
    ["Crm:Security:AllowedOrigins:0"] = AllowedOrigin,
})
{
    public const string AllowedOrigin = "https://crm.example.com";
}
