namespace Crm.Benchmarks.Search;

/// <summary>
/// How big a workspace: 1,000,000 customers and 1,000,000 conversation messages (ten per conversation), or smaller
/// (<c>--quick</c>: 50,000 and 50,000; <c>--customers N</c>, <c>--messages N</c>). Queries, the PostgreSQL baseline and
/// the index-lag phase shrink with <c>--quick</c> so that it finishes in under a minute.
/// </summary>
public sealed record SearchProfile(int Customers, int Messages, bool Quick)
{
    public const int MessagesPerConversation = 10;

    /// <summary>The chat rate the index lag is measured under.</summary>
    public const int LagMessagesPerSecond = 2_000;

    public int Conversations => Math.Max(1, Messages / MessagesPerConversation);

    public int TypeAheadQueries => Quick ? 400 : 2_000;

    public int IlikeQueries => Quick ? 100 : 300;

    public int TrigramQueries => Quick ? 30 : 100;

    public TimeSpan LagDuration => TimeSpan.FromSeconds(Quick ? 8 : 30);

    public static SearchProfile From(string[] args)
    {
        var quick = args.Contains("--quick");
        var customers = Option(args, "--customers") ?? (quick ? 50_000 : 1_000_000);
        var messages = Option(args, "--messages") ?? (quick ? 50_000 : 1_000_000);
        return new SearchProfile(Math.Max(100, customers), Math.Max(MessagesPerConversation * 10, messages), quick);
    }

    private static int? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : null;
    }
}
