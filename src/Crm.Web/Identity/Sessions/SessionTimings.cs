namespace Crm.Web.Identity.Sessions;

/// <summary>How fast an ended session, a deactivation or a role change reaches cookies and live connections.</summary>
public static class SessionTimings
{
    /// <summary>
    /// How long a web node trusts its cached copy of a session or a user's access. The node that ends a session or
    /// changes a user forgets its copy at once; every other node of a cluster notices within this.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>How often each web node checks the sessions behind its open hub connections and console circuits.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    /// <summary>Last-seen is written at most this often per session, so a busy console does not write on every request.</summary>
    public static readonly TimeSpan LastSeenWriteEvery = TimeSpan.FromMinutes(1);

    /// <summary>The login cookie's sliding lifetime: a session idle longer than this is over.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// A console circuit is first asked to leave (the browser loads the login page, or reloads with the new role), then
    /// its connection is aborted after this grace, which also ends it for a client that ignored the request.
    /// </summary>
    public static readonly TimeSpan CircuitGrace = TimeSpan.FromSeconds(2);
}
