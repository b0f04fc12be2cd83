namespace Crm.Web.Security.Authorization;

/// <summary>Who can be on the other end of a request: the four console roles, a widget visitor, or nobody signed in.</summary>
public enum Caller
{
    Anonymous,
    Visitor,
    Sales,
    Agent,
    Supervisor,
    Admin,
}
