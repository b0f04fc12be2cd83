using System.Diagnostics;
using Crm.Benchmarks.Routing;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Benchmarks.Search;

/// <summary>
/// The same workspace in PostgreSQL, searched the way one would without a search engine: one row per customer (name,
/// company, email, phone) and per conversation subject and message (notes flagged internal), loaded with binary COPY,
/// a GIN trigram index on the text. Two queries per typed text, both with the workspace and notes permission filter:
/// every word as <c>ILIKE '%word%'</c> with <c>LIMIT 10</c>, and pg_trgm's typo-tolerant match ranked by similarity
/// (<c>text &lt;% body ORDER BY word_similarity DESC LIMIT 10</c>: the operator meant for a short text inside a longer one).
/// Timed at the client over loopback: the round trip is a fraction of a millisecond against what the queries take.
/// </summary>
public sealed class PostgresBaseline(string connectionString)
{
    public sealed record Result(Latencies Latencies, int Answered, TimeSpan ServerCpu);

    public async Task LoadAsync(SearchProfile profile, Action<string> log)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE UNLOGGED TABLE search_rows (workspace_id text NOT NULL, kind text NOT NULL, doc_id text NOT NULL, internal boolean NOT NULL, body text NOT NULL);
            """);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY search_rows (workspace_id, kind, doc_id, internal, body) FROM STDIN (FORMAT BINARY)"))
        {
            for (long n = 0; n < profile.Customers; n++)
            {
                var c = SearchWorkspace.CustomerAt(n);
                rows += await Row(copy, c.WorkspaceId, "customer", c.Id, false, string.Join(' ', new[] { c.Name, c.Company, c.Email, c.Phone }.OfType<string>()));
            }

            for (long n = 0; n < profile.Conversations; n++)
            {
                var c = SearchWorkspace.ConversationAt(n, profile.Customers);
                rows += await Row(copy, c.WorkspaceId, "conversation", c.Id, false, $"{c.Subject} {c.CustomerName}");
                foreach (var message in c.Messages) rows += await Row(copy, c.WorkspaceId, "conversation", c.Id, message.IsNote, message.Body);
            }

            await copy.CompleteAsync();
        }

        log($"postgres: {rows:N0} rows copied in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        await Execute(connection, """
            SET maintenance_work_mem = '256MB';
            CREATE INDEX search_rows_body_trgm ON search_rows USING gin (body gin_trgm_ops);
            CREATE INDEX search_rows_doc ON search_rows (workspace_id, doc_id);
            ANALYZE search_rows;
            """);
        log($"postgres: GIN trigram index built in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Every word as a substring, the way a LIKE search box works; no typo tolerance.</summary>
    public Task<Result> IlikeAsync(IReadOnlyList<TypeAheadQueries.TypeAhead> queries, int? postmaster) => RunAsync(queries, postmaster, (command, query) =>
    {
        var words = Words(query.Text);
        command.CommandText = $"SELECT DISTINCT doc_id FROM (SELECT doc_id FROM search_rows WHERE workspace_id = @w AND (NOT internal OR @notes) AND "
            + string.Join(" AND ", words.Select((_, i) => $"body ILIKE @p{i}")) + " LIMIT 10) AS hits";
        for (var i = 0; i < words.Count; i++) command.Parameters.AddWithValue($"p{i}", "%" + Escape(words[i]) + "%");
    });

    /// <summary>pg_trgm's fuzzy match, best first: what PostgreSQL offers for typos.</summary>
    public Task<Result> TrigramAsync(IReadOnlyList<TypeAheadQueries.TypeAhead> queries, int? postmaster) => RunAsync(queries, postmaster, (command, query) =>
    {
        command.CommandText = """
            SELECT doc_id FROM search_rows
            WHERE workspace_id = @w AND (NOT internal OR @notes) AND @q <% body
            ORDER BY word_similarity(@q, body) DESC LIMIT 10
            """;
        command.Parameters.AddWithValue("q", query.Text);
    });

    private async Task<Result> RunAsync(IReadOnlyList<TypeAheadQueries.TypeAhead> queries, int? postmaster, Action<NpgsqlCommand, TypeAheadQueries.TypeAhead> build)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var latencies = new Latencies();
        var answered = 0;
        // A warm-up pass over a few queries: the first ones read the index from disk into the cache.
        foreach (var query in queries.Take(Math.Min(10, queries.Count))) await Ask(connection, query, build);
        var cpu = PostgresCpu(postmaster);
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            var found = await Ask(connection, query, build);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (found > 0) answered++;
        }

        return new Result(latencies, answered, PostgresCpu(postmaster) - cpu);
    }

    private static async Task<int> Ask(NpgsqlConnection connection, TypeAheadQueries.TypeAhead query, Action<NpgsqlCommand, TypeAheadQueries.TypeAhead> build)
    {
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("w", SearchWorkspace.Main);
        command.Parameters.AddWithValue("notes", query.IncludeInternalNotes);
        build(command, query);
        var found = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found++;
        return found;
    }

    /// <summary>CPU of the server's processes: the postmaster's children (the backend that ran the queries among them).</summary>
    private static TimeSpan PostgresCpu(int? postmaster)
    {
        if (postmaster is null) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmaster || fields[1] == postmaster.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    total += Crm.Benchmarks.Chat.ServerProbe.CpuTime(pid);
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return total;
    }

    private static List<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Escape(string word) => word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static async Task<int> Row(NpgsqlBinaryImporter copy, string workspace, string kind, string id, bool isInternal, string body)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(workspace, NpgsqlDbType.Text);
        await copy.WriteAsync(kind, NpgsqlDbType.Text);
        await copy.WriteAsync(id, NpgsqlDbType.Text);
        await copy.WriteAsync(isInternal, NpgsqlDbType.Boolean);
        await copy.WriteAsync(body, NpgsqlDbType.Text);
        return 1;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
