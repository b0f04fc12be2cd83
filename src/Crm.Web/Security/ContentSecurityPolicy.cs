namespace Crm.Web.Security;

/// <summary>
/// The Content-Security-Policy values. Why each directive:
/// <list type="bullet">
/// <item>default-src 'self': nothing (fonts, frames, media, workers) from elsewhere unless named below.</item>
/// <item>script-src 'self': blazor.web.js, MudBlazor.min.js, js/console.js and the shortcuts module are files of this
/// origin; no inline script and no 'unsafe-eval' (Blazor Server, unlike WebAssembly, never evaluates code).</item>
/// <item>style-src 'self' 'unsafe-inline': MudBlazor sets style attributes and writes &lt;style&gt; elements (theme
/// variables, popovers) at run time, and the widget injects its &lt;style&gt; into its shadow root; neither can carry
/// a nonce. Accepted: with scripts locked down, inline CSS cannot run code.</item>
/// <item>img-src 'self' data: blob:: attachments come from this origin; data: and blob: for icons and previews.</item>
/// <item>connect-src 'self' ws(s)://host: fetches, the Blazor circuit and SignalR. 'self' covers same-origin WebSockets
/// in current Chromium and Firefox; the explicit ws/wss host keeps older Safari, which did not, working.</item>
/// <item>frame-ancestors 'none' (and X-Frame-Options DENY for older browsers): the console cannot be framed (clickjacking).</item>
/// <item>object-src 'none', base-uri 'self', form-action 'self': no plugins, no &lt;base&gt; hijacking of relative
/// URLs, forms post only here.</item>
/// </list>
/// </summary>
public static class ContentSecurityPolicy
{
    /// <summary>The console's pages (and anything else that is HTML from this app).</summary>
    public static string Console(HttpRequest request) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"font-src 'self' data:; connect-src 'self'{WebSockets(request)}; frame-ancestors 'none'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'";

    /// <summary>
    /// The demo customer site: its own inline &lt;style&gt; and the widget's (hence 'unsafe-inline' styles), the widget
    /// script, its fetches and its WebSocket, all from this origin. A real customer site with a CSP needs the same
    /// three grants for the Crm origin: script-src, connect-src (https and wss) and style-src 'unsafe-inline'.
    /// </summary>
    public static string Demo(HttpRequest request) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"connect-src 'self'{WebSockets(request)}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// JSON, hubs and attachments are never documents that should load anything; an image attachment opened in a tab
    /// still shows (img-src 'self'), and sandbox keeps any file from running script in this origin.
    /// </summary>
    public const string Api = "default-src 'none'; img-src 'self'; media-src 'self'; frame-ancestors 'none'; sandbox";

    /// <summary>" ws://host wss://host" for the request's own host; nothing when the Host header is not a plain host[:port].</summary>
    private static string WebSockets(HttpRequest request)
    {
        var host = request.Host.Value;
        if (string.IsNullOrEmpty(host) || !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']'))
            return "";
        return $" ws://{host} wss://{host}";
    }
}
