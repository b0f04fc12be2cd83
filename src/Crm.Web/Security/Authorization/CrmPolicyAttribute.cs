namespace Crm.Web.Security.Authorization;

/// <summary>
/// Names the matrix policy of an anonymous endpoint or page (<see cref="CrmPolicies.Public"/> or
/// <see cref="CrmPolicies.Integration"/>), which carries no [Authorize] policy to read it from. Endpoints get it from
/// <see cref="AuthorizationSetup.RequirePolicy{TBuilder}"/>; an anonymous page puts it beside [AllowAnonymous].
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class CrmPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}
