namespace Crm.Benchmarks.Search;

/// <summary>
/// A realistic workspace, made deterministically from an item's number (so the store, PostgreSQL and the queries
/// see the same data without holding it in memory): customers with common first and last names, companies, emails
/// and phone numbers in several formats; support conversations of ten messages from templates over products, orders
/// and problems, one in ten messages an internal note. Every tenth customer and conversation belongs to a second
/// workspace, so the workspace filter has something to keep out.
/// </summary>
public static class SearchWorkspace
{
    public const string Main = "bench-main";
    public const string Other = "bench-other";

    private static readonly string[] FirstNames =
    [
        "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "elizabeth", "david", "barbara",
        "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen", "christopher", "nancy", "daniel", "lisa",
        "matthew", "betty", "anthony", "margaret", "mark", "sandra", "donald", "ashley", "steven", "kimberly", "paul", "emily",
        "andrew", "donna", "joshua", "michelle", "kenneth", "dorothy", "kevin", "carol", "brian", "amanda", "george", "melissa",
        "edward", "deborah", "ronald", "stephanie", "timothy", "rebecca", "jason", "sharon", "jeffrey", "laura", "ryan", "cynthia",
        "jacob", "kathleen", "gary", "amy", "nicholas", "shirley", "eric", "angela", "jonathan", "helen", "stephen", "anna",
        "larry", "brenda", "justin", "pamela", "scott", "nicole", "brandon", "emma", "benjamin", "samantha", "samuel", "katherine",
        "zoë", "françois", "jürgen", "søren", "agnieszka", "mateo", "lucía", "hiroshi", "priya", "aarav", "olumide", "chiara",
    ];

    private static readonly string[] LastNames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez",
        "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson",
        "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
        "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "campbell",
        "mitchell", "carter", "roberts", "gomez", "phillips", "evans", "turner", "diaz", "parker", "cruz", "edwards", "collins",
        "reyes", "stewart", "morris", "morales", "murphy", "cook", "rogers", "gutierrez", "ortiz", "morgan", "cooper", "peterson",
        "bailey", "reed", "kelly", "howard", "ramos", "kim", "cox", "ward", "richardson", "watson", "brooks", "chavez", "wood",
        "müller", "schmidt", "dubois", "kowalski", "rossi", "novak", "jensen", "tanaka", "okafor", "van der berg", "o'brien",
    ];

    private static readonly string[] CompanyWords =
    [
        "acme", "globex", "initech", "umbrella", "stark", "wayne", "wonka", "tyrell", "cyberdyne", "soylent", "hooli", "vandelay",
        "northwind", "contoso", "fabrikam", "tailspin", "litware", "adventure", "blue yonder", "wide world", "proseware", "lucerne",
        "fourth coffee", "margie travel", "alpine ski", "coho winery", "graphic design", "humongous", "southridge", "trey research",
    ];

    private static readonly string[] CompanySuffixes = ["ltd", "inc", "gmbh", "llc", "group", "labs", "systems", "logistics", "foods", "partners"];

    private static readonly string[] FreeMail = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "web.de"];

    private static readonly string[] Products =
    [
        "subscription", "invoice", "laptop", "router", "headphones", "monitor", "keyboard", "printer", "license", "dashboard",
        "mobile app", "smart watch", "coffee machine", "vacuum cleaner", "gift card", "account", "password", "delivery", "refund",
        "warranty", "charger", "tablet", "camera", "speaker", "firmware", "api key", "webhook", "integration", "report", "export",
    ];

    private static readonly string[] Problems =
    [
        "is not working", "arrived damaged", "was charged twice", "cannot be activated", "keeps disconnecting", "is missing",
        "shows an error", "stopped syncing", "is too slow", "was cancelled by mistake", "never arrived", "needs to be replaced",
        "will not turn on", "has the wrong address", "expired yesterday", "is locked", "cannot be downloaded", "overheats",
    ];

    private static readonly string[] CustomerLines =
    [
        "Hello, my {0} {1}. Order {2}.",
        "Hi there, I need help: the {0} {1} since {3}.",
        "Good morning, could you check order {2}? The {0} {1}.",
        "I already tried restarting but the {0} still {1}.",
        "Can I get a refund for the {0}? It {1}.",
        "Thanks, that worked. One more question about my {0} though.",
        "Where can I find the tracking number for order {2}?",
        "My colleague in {4} says their {0} {1} as well.",
        "Is there a discount if I upgrade the {0} before {3}?",
        "Please cancel order {2}, the {0} {1}.",
    ];

    private static readonly string[] AgentLines =
    [
        "Thanks for reaching out! I can see order {2} here; let me check the {0}.",
        "Sorry to hear the {0} {1}. Could you send a photo or the error message?",
        "I have issued a replacement {0}; it ships from our {4} warehouse on {3}.",
        "The refund for order {2} is on its way and should reach you within five working days.",
        "Could you try a factory reset of the {0} and tell me what the screen shows?",
        "I escalated this to our {0} specialists; you will hear from us by {3}.",
        "Your {0} is covered by the warranty, so the repair is free of charge.",
        "I updated the delivery address for order {2} to {4}.",
    ];

    private static readonly string[] Notes =
    [
        "Internal: customer asked for a goodwill credit on the {0}, approved by the team lead.",
        "Internal: suspected fraud on order {2}, hold the shipment until {3}.",
        "Internal: third contact about the {0}; offer the premium support plan.",
        "Internal: carrier in {4} confirmed the {0} was lost, file a claim.",
    ];

    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "last week", "the update", "yesterday"];

    private static readonly string[] Cities =
    [
        "london", "manchester", "berlin", "munich", "paris", "lyon", "madrid", "barcelona", "amsterdam", "rotterdam", "dublin",
        "warsaw", "prague", "vienna", "zürich", "milan", "lisbon", "stockholm", "copenhagen", "oslo", "new york", "toronto",
    ];

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Customer(string WorkspaceId, string Id, string Name, string? Company, string Email, string? Phone, DateTimeOffset At);

    public sealed record Message(string Body, bool IsNote, bool FromCustomer);

    public sealed record Conversation(string WorkspaceId, string Id, string CustomerId, string CustomerName, string Subject, IReadOnlyList<Message> Messages, DateTimeOffset At);

    public static string WorkspaceOf(long n) => n % 10 == 9 ? Other : Main;

    public static Customer CustomerAt(long n)
    {
        var first = Title(Pick(FirstNames, n, 1));
        var last = Title(Pick(LastNames, n, 2));
        var company = Hash(n, 3) % 10 < 7 ? $"{Title(Pick(CompanyWords, n, 4))} {Title(Pick(CompanySuffixes, n, 5))}" : null;
        var local = $"{Ascii(first)}.{Ascii(last)}".Replace(" ", "").Replace("'", "");
        var domain = company is null || Hash(n, 6) % 3 == 0
            ? Pick(FreeMail, n, 7)
            : $"{Ascii(Pick(CompanyWords, n, 4)).Replace(" ", "")}.{(Hash(n, 8) % 2 == 0 ? "com" : "co.uk")}";
        var email = $"{local}{Hash(n, 9) % 1000}@{domain}";
        var digits = (1_000_000_000UL + Hash(n, 10) % 9_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? phone = (Hash(n, 11) % 4) switch
        {
            0 => null,
            1 => $"+44 {digits[..2]} {digits[2..6]} {digits[6..10]}",
            2 => $"0{digits[..3]}-{digits[3..6]}-{digits[6..10]}",
            _ => $"+1 ({digits[..3]}) {digits[3..6]}-{digits[6..10]}",
        };
        return new Customer(WorkspaceOf(n), $"cust-{n}", $"{first} {last}", company, email, phone, Start.AddMinutes(n % 500_000));
    }

    public static Conversation ConversationAt(long n, long customers)
    {
        // A customer of the conversation's own workspace (the same last digit).
        var customerNumber = (long)(Hash(n, 20) % (ulong)Math.Max(1, customers / 10)) * 10 + n % 10;
        if (customerNumber >= customers) customerNumber -= 10;
        var customer = CustomerAt(customerNumber);
        var product = Pick(Products, n, 21);
        var problem = Pick(Problems, n, 22);
        var order = $"#{100_000 + Hash(n, 23) % 900_000}";
        var messages = new List<Message>(SearchProfile.MessagesPerConversation);
        for (var m = 0; m < SearchProfile.MessagesPerConversation; m++)
        {
            var salt = 100 + (ulong)m * 7;
            var note = m % 10 == 7;
            var fromCustomer = !note && m % 2 == 0;
            var template = note ? Pick(Notes, n, salt) : fromCustomer ? Pick(CustomerLines, n, salt) : Pick(AgentLines, n, salt);
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, template,
                m < 4 ? product : Pick(Products, n, salt + 1), problem, order, Pick(Days, n, salt + 2), Title(Pick(Cities, n, salt + 3)));
            messages.Add(new Message(line, note, fromCustomer));
        }

        return new Conversation(WorkspaceOf(n), $"conv-{n}", customer.Id, customer.Name, $"{Title(product)} {problem}", messages,
            Start.AddMinutes(n % 500_000));
    }

    private static string Pick(string[] values, long n, ulong salt) => values[Hash(n, salt) % (ulong)values.Length];

    private static string Title(string value) => string.Join(' ', value.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Ascii(string value) => Crm.Grains.Search.SearchText.Fold(value).ToLowerInvariant();

    /// <summary>SplitMix64 of the item number and a salt: the same item always gets the same values.</summary>
    private static ulong Hash(long n, ulong salt)
    {
        var z = (ulong)n * 0x9E3779B97F4A7C15UL + salt * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
