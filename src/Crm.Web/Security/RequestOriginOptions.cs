namespace Crm.Web.Security;

/// <summary>
/// Crm:Security — which other origins may send the console's cookie-authenticated changes. The console's own origin
/// (the Host it is reached at) always may; add an origin here only when the console is reached under a name the app
/// does not see as its Host (a proxy that rewrites Host), e.g. <c>Crm:Security:AllowedOrigins:0=https://crm.example.com</c>.
/// </summary>
public sealed class RequestOriginOptions
{
    public const string SectionName = "Crm:Security";

    /// <summary>Full origins: scheme, host and, when not the default, port; no path.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public bool AllValid() =>
        AllowedOrigins.All(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && !o.EndsWith('/') && uri.Query.Length == 0);
}
