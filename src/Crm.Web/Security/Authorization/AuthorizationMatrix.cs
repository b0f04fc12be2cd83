using Crm.Web.Identity;

namespace Crm.Web.Security.Authorization;

/// <summary>
/// The one table of who may do what. Policies are registered from it (<see cref="AuthorizationSetup"/>), every
/// endpoint, page and hub method names one of its policies, and a test calls each of them as each caller and checks
/// the answer against it. <c>dotnet run --project src/Crm.Web -- authorization-matrix</c> prints it with every
/// surface it guards.
/// </summary>
public static class AuthorizationMatrix
{
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] AllStaff = [Caller.Sales, Caller.Agent, Caller.Supervisor, Caller.Admin];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Caller>> Allowed = new Dictionary<string, IReadOnlyList<Caller>>
    {
        [CrmPolicies.Public] = Everyone,
        // No user at all: a signed-in person is still refused without the integration key.
        [CrmPolicies.Integration] = [],
        [CrmPolicies.Visitor] = [Caller.Visitor],
        [CrmPolicies.SignedIn] = AllStaff,
        [CrmPolicies.Staff] = AllStaff,
        [CrmPolicies.Search] = AllStaff,
        // Internal notes are the support team's working text; sales reps find customers and conversations by what the
        // customer saw.
        [CrmPolicies.SearchInternalNotes] = [Caller.Agent, Caller.Supervisor, Caller.Admin],
        // Sales reps read a customer's conversations for context; answering is the support team's.
        [CrmPolicies.Converse] = [Caller.Agent, Caller.Supervisor, Caller.Admin],
        // Agents see and edit customers and companies (Staff); the pipeline is the sales team's and their managers', and
        // so are deals in search (SearchService asks this policy for each query).
        [CrmPolicies.Sell] = [Caller.Sales, Caller.Supervisor, Caller.Admin],
        [CrmPolicies.ManageCannedResponses] = [Caller.Supervisor, Caller.Admin],
        // Agents read articles (and get them suggested); the public help center reads published ones (Public).
        [CrmPolicies.ManageKnowledgeBase] = [Caller.Supervisor, Caller.Admin],
        [CrmPolicies.Supervise] = [Caller.Supervisor, Caller.Admin],
        // The answer bot speaks to customers without a person: only admins turn it on.
        [CrmPolicies.ConfigureAnswerBot] = [Caller.Admin],
        [CrmPolicies.Administer] = [Caller.Admin],
    };

    public static bool Allows(string policy, Caller caller) =>
        Allowed.TryGetValue(policy, out var callers) ? callers.Contains(caller)
            : throw new ArgumentException($"'{policy}' is not a policy of the authorization matrix.", nameof(policy));

    /// <summary>The console roles a staff policy admits (empty for the ones that are not about roles).</summary>
    public static IReadOnlyList<string> RolesFor(string policy) =>
        Allowed[policy].Select(RoleOf).OfType<string>().ToList();

    /// <summary>The console caller a role is (null for no role or one the matrix does not know).</summary>
    public static Caller? CallerOf(string? role) =>
        role is null ? null : Enum.GetValues<Caller>().Where(c => RoleOf(c) == role).Select(c => (Caller?)c).FirstOrDefault();

    public static string? RoleOf(Caller caller) => caller switch
    {
        Caller.Sales => Roles.Sales,
        Caller.Agent => Roles.Agent,
        Caller.Supervisor => Roles.Supervisor,
        Caller.Admin => Roles.Admin,
        _ => null,
    };
}
