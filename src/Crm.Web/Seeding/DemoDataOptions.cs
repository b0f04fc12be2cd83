namespace Crm.Web.Seeding;

/// <summary>Bound from "Crm:Demo". Seeding runs only when the identity store has no users yet.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "Crm:Demo";

    /// <summary>Turns demo seeding off (Crm__Demo__Seed=false).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The demo users' password. When empty a random one is generated and printed once in the log.</summary>
    public string? Password { get; set; }

    public string WorkspaceId { get; set; } = "demo";

    /// <summary>
    /// 30 days of history in the demo workspace (200 customers of 40 companies, about 300 conversations with CSAT),
    /// three routed queues and two visitors chatting (Crm__Demo__History=false: the four sample conversations only).
    /// </summary>
    public bool History { get; set; } = true;

    /// <summary>
    /// More workspaces seeded alike, their users at "@{workspace}.crm" (agent@acme.crm, ...): a second tenant to try
    /// workspace isolation against (Crm__Demo__ExtraWorkspaces__0=acme).
    /// </summary>
    public string[] ExtraWorkspaces { get; set; } = [];

    /// <summary>
    /// More agents in the demo workspace, agent-1@demo.crm … agent-N@demo.crm (agent ids "agent-1" …), for load tests
    /// that need hundreds of people online (Crm__Demo__ExtraAgents=500). Zero, the default, seeds none.
    /// </summary>
    public int ExtraAgents { get; set; }
}
