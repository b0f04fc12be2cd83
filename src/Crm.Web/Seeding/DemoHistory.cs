using Crm.Grains.Abstractions.Conversations;

namespace Crm.Web.Seeding;

/// <summary>
/// The demo workspace's 30 days of history as plain data, drawn from a fixed random seed: the same companies,
/// customers and conversations on every first start (times are relative to the day it runs). Written through the
/// grains by <see cref="DemoHistorySeeder"/>.
/// </summary>
public static class DemoHistory
{
    public const int Seed = 20261204;
    public const int Days = 30;

    public sealed record Company(string Name, string Domain);

    public sealed record Customer(string Id, string Name, string Email, string Company);

    public sealed record Step(TimeSpan After, bool FromCustomer, string Text);

    public sealed record Conversation(
        string Id, Customer Customer, Channel Channel, string QueueId, string Subject, DateTimeOffset OpenedAt, DemoData.DemoUser? Agent,
        IReadOnlyList<Step> Steps, TimeSpan? ResolvedAfter, int? Csat, string? CsatComment);

    /// <summary>Agents who only exist in the history (no login): the teams behind the billing and sales queues.</summary>
    public static readonly DemoData.DemoUser[] HistoryAgents =
    [
        new("leo@demo.crm", "leo", "Leo Park", "agent", 5),
        new("priya@demo.crm", "priya", "Priya Nair", "agent", 5),
        new("nina@demo.crm", "nina", "Nina Weber", "agent", 5),
    ];

    /// <summary>Each queue's team, by agent id.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Teams = new Dictionary<string, string[]>
    {
        ["support"] = ["alex", "jo", "leo", "sam"],
        ["billing"] = ["priya", "jo"],
        ["sales"] = ["nina"],
    };

    private static readonly string[] Firsts =
        ["Anna", "Ben", "Carla", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Mina", "Noah", "Olga",
         "Pablo", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Chen", "Dana"];
    private static readonly string[] Lasts =
        ["Meyer", "Rossi", "Kim", "Okafor", "Silva", "Novak", "Larsen", "Dubois", "Haddad", "Ito", "Kowalski", "Moreau", "Nguyen",
         "Patel", "Schmidt", "Tanaka", "Ward", "Young", "Zimmer", "Alvarez"];
    private static readonly string[] CompanyWords =
        ["Northwind", "Bluebird", "Copperleaf", "Driftwood", "Evergreen", "Foxglove", "Granite", "Harbor", "Ironbark", "Juniper",
         "Keystone", "Lakeside", "Meridian", "Nimbus", "Oakridge", "Pinecrest", "Quarry", "Riverbend", "Sunpeak", "Tidewater"];
    private static readonly string[] CompanyKinds = ["Bakery", "Logistics"];

    private static readonly Dictionary<string, (string Subject, string Opening, string Follow)[]> Topics = new()
    {
        ["support"] =
        [
            ("Cannot sign in after the update", "Since this morning's update I cannot sign in; the page just reloads.", "Cleared the cache, still the same."),
            ("Export to CSV is empty", "The CSV export downloads but the file has only the header row.", "It happens for every date range I try."),
            ("Notifications arrive late", "Our team gets the email notifications about an hour late.", "Is there a status page I can watch?"),
            ("How do I add a second admin?", "I would like a colleague to manage users too. How do I do that?", "Found the users page, thanks!"),
            ("Order tracking link broken", "The tracking link in the confirmation email leads to a 404.", "Order number is in the subject line."),
            ("Mobile app crashes on start", "The app closes right after the splash screen on my phone.", "Android 14, latest version of the app."),
        ],
        ["billing"] =
        [
            ("Charged twice this month", "I see two identical charges on my card for this month.", "Both are from the 3rd, same amount."),
            ("Invoice needs our VAT number", "Can you reissue last month's invoice with our VAT number on it?", "The number is on our account page."),
            ("Switch to annual billing", "We would like to move to annual billing. What is the price?", "Please apply it from next month."),
            ("Refund for unused seats", "We removed five seats mid-cycle. Do we get a prorated refund?", "Thanks, that works for us."),
        ],
        ["sales"] =
        [
            ("Pricing for 50 seats", "We are evaluating for a team of 50. Is there a volume discount?", "Could we get a quote in EUR?"),
            ("Demo for our support team", "Could you show the product to our support leads next week?", "Tuesday afternoon works best."),
            ("Security questionnaire", "Our procurement needs a security questionnaire filled in.", "I sent it as an attachment by email."),
        ],
    };

    private static readonly string[] Replies =
    [
        "Thanks for reaching out! I'm looking into this right now.",
        "Thanks for the details, that helps. I have reproduced it and passed it to the right team.",
        "Good news: this is fixed on our side. Could you try again?",
        "I have updated your account; you should see the change within a few minutes.",
    ];

    private static readonly string?[] CsatComments = [null, null, "Quick and friendly, thank you!", "Solved my problem.", null, "Took a while, but fixed."];

    public static IReadOnlyList<Company> Companies { get; } = Enumerable.Range(0, 40)
        .Select(i => $"{CompanyWords[i % CompanyWords.Length]} {CompanyKinds[i / CompanyWords.Length]}")
        .Select(name => new Company(name, name.ToLowerInvariant().Replace(' ', '-') + ".example"))
        .ToList();

    public static IReadOnlyList<Customer> Customers { get; } = Enumerable.Range(0, 200).Select(i =>
    {
        var first = Firsts[i % Firsts.Length];
        var last = Lasts[(i / Firsts.Length + i) % Lasts.Length];
        var company = Companies[i % Companies.Count];
        return new Customer($"c{i:D3}", $"{first} {last}", $"{first}.{last}{i}@{company.Domain}".ToLowerInvariant(), company.Name);
    }).ToList();

    /// <summary>About 300 conversations over the last <see cref="Days"/> days, the newest still open.</summary>
    public static IReadOnlyList<Conversation> Conversations(DateTimeOffset now)
    {
        var random = new Random(Seed);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var list = new List<Conversation>();
        for (var daysAgo = Days; daysAgo >= 0; daysAgo--)
        {
            var day = today.AddDays(-daysAgo);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = weekend ? random.Next(3, 6) : random.Next(9, 14);
            for (var i = 0; i < count; i++)
            {
                var opened = day.AddHours(7).AddMinutes(random.Next(0, 11 * 60));
                if (opened > now.AddMinutes(-30)) continue;
                list.Add(Draw(random, $"demo-{list.Count + 1:D4}", opened, now));
            }
        }
        return list;
    }

    private static Conversation Draw(Random random, string id, DateTimeOffset opened, DateTimeOffset now)
    {
        var queue = Pick(random, 0.6, "support", 0.85, "billing", "sales");
        var channel = (Channel)Pick(random, 0.5, (int)Channel.Chat, 0.85, (int)Channel.Email, (int)Channel.WebForm);
        var (subject, opening, follow) = Topics[queue][random.Next(Topics[queue].Length)];
        var customer = Customers[random.Next(Customers.Count)];
        var team = Teams[queue];
        var agentId = team[random.Next(team.Length)];
        var agent = DemoData.Users.Concat(HistoryAgents).First(u => u.AgentId == agentId);
        var firstReply = channel == Channel.Chat ? TimeSpan.FromMinutes(random.Next(1, 12)) : TimeSpan.FromMinutes(random.Next(15, 300));
        var steps = new List<Step> { new(TimeSpan.Zero, true, opening), new(firstReply, false, Replies[random.Next(2)]) };
        if (random.NextDouble() < 0.5)
        {
            steps.Add(new(TimeSpan.FromMinutes(random.Next(2, 120)), true, follow));
            steps.Add(new(TimeSpan.FromMinutes(random.Next(2, 90)), false, Replies[2 + random.Next(2)]));
        }
        var age = now - opened;
        var resolved = age > TimeSpan.FromDays(2) ? random.NextDouble() < 0.93 : random.NextDouble() < 0.4;
        var last = steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.After);
        var resolvedAfter = resolved ? last + TimeSpan.FromMinutes(random.Next(5, 240)) : (TimeSpan?)null;
        if (resolvedAfter is { } r && opened + r > now.AddMinutes(-5)) resolvedAfter = null;
        int? csat = resolvedAfter is not null && random.NextDouble() < 0.6 ? Score(random) : null;
        return new Conversation(id, customer, channel, queue, subject, opened, agent, steps, resolvedAfter, csat,
            csat is null ? null : CsatComments[random.Next(CsatComments.Length)]);
    }

    private static int Score(Random random) => random.NextDouble() switch { < 0.45 => 5, < 0.75 => 4, < 0.87 => 3, < 0.95 => 2, _ => 1 };

    private static T Pick<T>(Random random, double first, T a, double second, T b, T c)
    {
        var x = random.NextDouble();
        return x < first ? a : x < second ? b : c;
    }
}
