namespace Crm.Web.Identity.Sessions;

public enum LiveConnectionKind
{
    /// <summary>A SignalR connection to one of our hubs (/hubs/conversations): aborted at once.</summary>
    Hub,

    /// <summary>A console circuit's page: asked to load the login page (or reload with a new role).</summary>
    Circuit,

    /// <summary>The SignalR connection that carries a console circuit (Blazor's own hub): aborted after a grace.</summary>
    CircuitTransport,
}
