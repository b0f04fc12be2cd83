using Crm.Web.Identity;

namespace Crm.Web.Seeding;

/// <summary>The demo workspace's people and conversations, as plain data.</summary>
public static class DemoData
{
    public sealed record DemoUser(string Email, string AgentId, string DisplayName, string Role, int ChatCapacity);

    public sealed record DemoConversation(string Id, string CustomerId, string Subject, string[] Lines);

    public sealed record DemoCustomer(string Id, string Name, string Email, string Company);

    public const string QueueId = "support";

    public static readonly DemoUser[] Users =
    [
        new("admin@demo.crm", "ada", "Ada Admin", Roles.Admin, 0),
        new("supervisor@demo.crm", "sam", "Sam Supervisor", Roles.Supervisor, 3),
        new("agent@demo.crm", "alex", "Alex Agent", Roles.Agent, 5),
        new("agent2@demo.crm", "jo", "Jo Agent", Roles.Agent, 5),
        new("sales@demo.crm", "sasha", "Sasha Sales", Roles.Sales, 0),
    ];

    public static readonly (string Shortcut, string Title, string Body)[] CannedResponses =
    [
        ("hello", "Greeting", "Hi {{customer.name}}, thanks for reaching out! I'm {{agent.name}} and I'll help you with this."),
        ("thanks", "Closing", "Thanks for your patience, {{customer.name}}. Is there anything else I can do for you?"),
    ];

    public static readonly DemoCustomer[] Customers =
    [
        new("maria", "Maria Lopez", "maria@example.com", "Lopez Bakery"),
        new("tom", "Tom Becker", "tom@example.com", "Becker GmbH"),
        new("yuki", "Yuki Tanaka", "yuki@example.com", "Tanaka Design"),
        new("omar", "Omar Haddad", "omar@example.com", "Haddad Logistics"),
    ];

    public static readonly DemoConversation[] Conversations =
    [
        new("welcome-maria", "maria", "Order #1042 has not arrived", ["Hi, my order #1042 was due on Monday and it has not arrived.", "Sorry to hear that, Maria! Let me check the tracking for you."]),
        new("invoice-tom", "tom", "Invoice shows the wrong VAT number", ["Our invoice INV-2291 shows last year's VAT number. Can you reissue it?"]),
        new("password-yuki", "yuki", "Cannot reset my password", ["The reset link says it expired, but I only just requested it.", "Thanks Yuki, which browser are you using?", "Firefox on a Mac."]),
        new("pricing-omar", "omar", "Pricing for 40 seats", ["We are a team of 40 — is there a volume discount on the annual plan?"]),
    ];
}
