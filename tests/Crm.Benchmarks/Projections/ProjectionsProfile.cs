namespace Crm.Benchmarks.Projections;

/// <summary>How much history: the full run (10 workspaces, 2,000,000 events) or smaller (<c>--quick</c>, <c>--events N</c>, <c>--workspaces N</c>).</summary>
public sealed record ProjectionsProfile(int Workspaces, long Events, bool Quick)
{
    public static ProjectionsProfile From(string[] args)
    {
        var quick = args.Contains("--quick");
        var workspaces = Option(args, "--workspaces") ?? (quick ? 2 : 10);
        var events = Option(args, "--events") ?? (quick ? 20_000 : 2_000_000);
        return new ProjectionsProfile((int)Math.Max(1, workspaces), Math.Max(1_000, events), quick);
    }

    public IEnumerable<string> WorkspaceIds => Enumerable.Range(0, Workspaces).Select(i => $"bench-{i}");

    private static long? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && long.TryParse(args[index + 1], out var value) ? value : null;
    }
}
