namespace Crm.Web.Identity.Sessions;

public enum LiveConnectionEnd
{
    /// <summary>The session is over: the connection goes, and a console page goes to the login page.</summary>
    SessionEnded,

    /// <summary>The user's role changed: the connection goes, and a console page reloads with the new role.</summary>
    AccessChanged,
}
