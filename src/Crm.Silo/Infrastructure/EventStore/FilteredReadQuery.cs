using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The SQL both stores run for a filtered read of the log, answered from the indexes that migration 2 creates. Each
/// category (or, without categories, each event type) becomes one branch that seeks its own index in position order and
/// stops after <c>maxCount</c> rows; the branches are merged by position. Workspace and type conditions ride along on
/// the branch, so no row is filtered outside SQL and no other workspace's rows are scanned.
/// Parameters are named <c>@…</c>, which SQLite and Npgsql both accept.
/// </summary>
public static class FilteredReadQuery
{
    /// <summary>
    /// Most positions one forward read looks across. It bounds one query's cost when a secondary condition (a type within
    /// a busy category) rejects most of the index entries it walks; the reader goes on from where it stopped.
    /// </summary>
    public const long MaxScanSpan = 100_000;

    private const string Columns = "stream_id, version, position, event_id, type, data, actor, timestamp";

    /// <summary>
    /// A forward read. The first column of every row is the head read in the same statement (so in the same snapshot as
    /// the page); columns 1–8 are the event, all NULL in the one row returned when nothing matched. The page is ordered
    /// inside; the join around it need not keep that order, so <see cref="ToPage"/> sorts (without an outer ORDER BY,
    /// SQLite would copy every row into a temporary B-tree).
    /// </summary>
    public static (string Sql, List<KeyValuePair<string, object>> Parameters) Forward(EventFilter filter, long afterPosition, int maxCount)
    {
        var parameters = new List<KeyValuePair<string, object>>
        {
            new("@after", afterPosition),
            new("@limit", afterPosition > long.MaxValue - MaxScanSpan ? long.MaxValue : afterPosition + MaxScanSpan),
            new("@max", maxCount),
        };
        var range = "position > @after AND position <= (SELECT CASE WHEN head < @limit THEN head ELSE @limit END FROM bound)";
        var page = Page(filter, range, "ORDER BY position", parameters);
        var sql = $"""
            WITH bound AS (SELECT coalesce(max(position), 0) AS head FROM events)
            SELECT b.head, p.stream_id, p.version, p.position, p.event_id, p.type, p.data, p.actor, p.timestamp
            FROM bound b LEFT JOIN ({page}) p ON 1 = 1
            """;
        return (sql, parameters);
    }

    /// <summary>A backward read, newest first, before <paramref name="beforePosition"/>; columns 0–7 are the event.</summary>
    public static (string Sql, List<KeyValuePair<string, object>> Parameters) Backward(EventFilter filter, long beforePosition, int maxCount)
    {
        var parameters = new List<KeyValuePair<string, object>> { new("@before", beforePosition), new("@max", maxCount) };
        return (Page(filter, "position < @before", "ORDER BY position DESC", parameters), parameters);
    }

    /// <summary>
    /// The page of a forward read: a full page reaches up to its last event; a short one looked at every position up to
    /// the head read in the same snapshot (or to the scan span's end), so the reader may skip to there.
    /// </summary>
    public static EventPage ToPage(List<StoredEvent> events, long head, long afterPosition, int maxCount)
    {
        events.Sort(static (a, b) => a.Position.CompareTo(b.Position));
        if (events.Count == maxCount)
        {
            var last = events.Count > 0 ? events[^1].Position : afterPosition;
            return new EventPage(events, last, last >= head);
        }

        var limit = afterPosition > long.MaxValue - MaxScanSpan ? long.MaxValue : afterPosition + MaxScanSpan;
        var readUpTo = Math.Max(afterPosition, Math.Min(head, limit));
        return new EventPage(events, readUpTo, readUpTo >= head);
    }

    /// <summary>Throws for a filter no store can answer: null or empty names, or an empty workspace id.</summary>
    public static void Validate(EventFilter filter, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(filter.Categories, nameof(filter));
        ArgumentNullException.ThrowIfNull(filter.EventTypes, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (filter.Categories.Any(string.IsNullOrEmpty) || filter.EventTypes.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A filter's categories and event types must be non-empty names.", nameof(filter));
        }

        if (filter.WorkspaceId is { Length: 0 })
        {
            throw new ArgumentException("A filter's workspace id is either null (every workspace) or non-empty.", nameof(filter));
        }
    }

    private static string Page(EventFilter filter, string range, string order, List<KeyValuePair<string, object>> parameters)
    {
        var workspace = string.Empty;
        if (filter.WorkspaceId is { } workspaceId)
        {
            parameters.Add(new("@ws", workspaceId));
            workspace = " AND workspace = @ws";
        }

        var categories = filter.Categories.Distinct(StringComparer.Ordinal).ToList();
        var types = filter.EventTypes.Distinct(StringComparer.Ordinal).ToList();
        List<string> branches;
        if (categories.Count > 0)
        {
            // One branch per category on (workspace, category, position) or (category, position); types ride along.
            var typeCondition = types.Count == 0 ? string.Empty : $" AND type IN ({Names("@t", types, parameters)})";
            branches = categories
                .Select((category, i) => Named($"@c{i}", category, parameters, name => $"category = {name}{workspace}{typeCondition}"))
                .ToList();
        }
        else if (types.Count > 0)
        {
            // One branch per type on (type, position).
            branches = types.Select((type, i) => Named($"@t{i}", type, parameters, name => $"type = {name}{workspace}")).ToList();
        }
        else
        {
            // Every category: (workspace, position), or the primary key alone.
            branches = [filter.WorkspaceId is null ? "1 = 1" : "workspace = @ws"];
        }

        var selects = branches.Select(condition => $"SELECT {Columns} FROM events WHERE {condition} AND {range} {order} LIMIT @max").ToList();
        return selects.Count == 1
            ? selects[0]
            : string.Join(" UNION ALL ", selects.Select((select, i) => $"SELECT * FROM ({select}) AS b{i}")) + $" {order} LIMIT @max";
    }

    private static string Named(string name, string value, List<KeyValuePair<string, object>> parameters, Func<string, string> condition)
    {
        parameters.Add(new(name, value));
        return condition(name);
    }

    private static string Names(string prefix, List<string> values, List<KeyValuePair<string, object>> parameters) =>
        string.Join(", ", values.Select((value, i) => Named($"{prefix}{i}", value, parameters, name => name)));
}
