namespace Crm.Web.Security.Authorization;

/// <summary>
/// The names of the policies every page, endpoint and hub method carries. Who each admits is written once, in
/// <see cref="AuthorizationMatrix"/>.
/// </summary>
public static class CrmPolicies
{
    /// <summary>Anyone, signed in or not: sign-in, the widget's session, health, metrics, static files.</summary>
    public const string Public = "crm.public";

    /// <summary>A mail gateway or form with the workspace's integration key (no user; checked by IntegrationKeyFilter).</summary>
    public const string Integration = "crm.integration";

    /// <summary>A widget visitor with a valid token, on its own conversations only.</summary>
    public const string Visitor = "crm.visitor";

    /// <summary>
    /// Signed in, even before setting up a two-factor sign-in the workspace requires: their own account (sessions,
    /// two-factor set-up, sign-out) and the console's circuit transport, which the set-up page itself needs.
    /// </summary>
    public const string SignedIn = "crm.signed-in";

    /// <summary>
    /// Anyone signed in to the console, whatever the role, with two-factor sign-in when the workspace requires it
    /// (as every policy below): read the inbox, the team, their own presence.
    /// </summary>
    public const string Staff = "crm.staff";

    /// <summary>
    /// Search the workspace: customers, conversations, companies, articles (the search box, the search page,
    /// /api/search); deals only for those <see cref="Sell"/> admits, which the search service asks of the user's role.
    /// </summary>
    public const string Search = "crm.search";

    /// <summary>
    /// Find conversations by the text of their internal notes. Not a surface of its own: the search service asks it of the
    /// user's role and searches notes only when it allows.
    /// </summary>
    public const string SearchInternalNotes = "crm.search.internal-notes";

    /// <summary>Reply, write notes, change status, assignee, priority, labels; upload attachments.</summary>
    public const string Converse = "crm.converse";

    /// <summary>Edit the workspace's shared canned responses.</summary>
    public const string ManageCannedResponses = "crm.canned-responses.manage";

    /// <summary>
    /// The sales pipeline: deals, forecasts, follow-ups, merging duplicates and importing. A sales rep changes only the
    /// deals they own (the deal grain checks); supervisors and admins change any.
    /// </summary>
    public const string Sell = "crm.sell";

    /// <summary>Write, publish, unpublish and delete knowledge-base articles (everyone on staff reads them).</summary>
    public const string ManageKnowledgeBase = "crm.knowledge-base.manage";

    /// <summary>Turn the widget's answer bot on or off (it answers visitors without a person, so the workspace's owners decide).</summary>
    public const string ConfigureAnswerBot = "crm.answer-bot.configure";

    /// <summary>The floor: live board, reports, reassigning anyone's work, monitoring and whispering.</summary>
    public const string Supervise = "crm.supervise";

    /// <summary>The workspace itself: settings, users, roles, two-factor rule, audit trail, rebuilding the search index.</summary>
    public const string Administer = "crm.administer";
}
