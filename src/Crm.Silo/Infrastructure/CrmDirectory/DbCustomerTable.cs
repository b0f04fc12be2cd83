using System.Data;
using System.Data.Common;
using System.Text;
using Crm.Silo.Infrastructure.Database;
using static Crm.Silo.Infrastructure.Database.DbCommands;
using Crm.Grains.Abstractions.Directory;

namespace Crm.Silo.Infrastructure.CrmDirectory;

/// <summary>
/// The customers table's statements, the same on SQLite and PostgreSQL (<c>@name</c> parameters, <c>ON CONFLICT</c>
/// upserts, <c>LIKE … ESCAPE</c> on lower-cased text, the same indexes); the subclasses open connections, create the
/// table and pass a list of strings as one value. The sort column is compared byte by byte on both (PostgreSQL's column is <c>COLLATE "C"</c>), so a list is in
/// the same order whichever store holds it.
/// </summary>
public abstract class DbCustomerTable : ICustomerTable
{
    private const string ContactColumns =
        "customer_id, position, live, name, name_sort, email, phone, email_key, phone_key, domain_key, company_id, owner_id, tags, search_text, created_at, updated_at";

    private const string AllColumns = ContactColumns + ", data";

    // How a look-up by key is written so SQLite (3.53) searches the key's index: "live = 1" made the (workspace, live, …)
    // indexes look as selective as the key's own; a UNION (not UNION ALL) made it walk the primary key, whose order
    // spares the union a sort. Either way it read the workspace's every customer per look-up: an import's batches
    // slowed as the table grew, and a duplicate check in a workspace of a million took most of a second. Unary plus is
    // the same no-op on both stores; duplicates of a UNION ALL are dropped in Once.
    private const string Live = "+live = 1";

    /// <summary>The table's indexes, the same on both stores (run after each store's CREATE TABLE).</summary>
    protected const string Indexes = """
        CREATE INDEX IF NOT EXISTS customers_by_name ON customers (workspace_id, live, name_sort);
        CREATE INDEX IF NOT EXISTS customers_by_created ON customers (workspace_id, live, created_at);
        CREATE INDEX IF NOT EXISTS customers_by_updated ON customers (workspace_id, live, updated_at);
        -- Key indexes whole, not partial: SQLite does not use a partial index for a term on a bound parameter.
        DROP INDEX IF EXISTS customers_by_email;
        CREATE INDEX IF NOT EXISTS customers_by_email_key ON customers (workspace_id, email_key);
        DROP INDEX IF EXISTS customers_by_phone;
        CREATE INDEX IF NOT EXISTS customers_by_phone_key ON customers (workspace_id, phone_key);
        DROP INDEX IF EXISTS customers_by_domain;
        CREATE INDEX IF NOT EXISTS customers_by_domain_key ON customers (workspace_id, domain_key);
        DROP INDEX IF EXISTS customers_by_company;
        CREATE INDEX IF NOT EXISTS customers_by_company_id ON customers (workspace_id, company_id);
        """;

    // In the order their matches score: same email 100, same phone 90, same company 80, same domain 70.
    private static readonly string[] KeyColumns = ["email_key", "phone_key", "company_id", "domain_key"];

    public async Task<IReadOnlyList<CustomerRow>> GetAsync(string workspaceId, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        if (customerIds.Count == 0) return [];
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // The ids as one value: bound by name, a parameter per id cost SQLite a scan of every name per id (a page of a
        // thousand new customers spent more time binding its look-up than running it).
        await using var command = Command(connection,
            $"SELECT {AllColumns} FROM customers WHERE workspace_id = @workspace AND customer_id IN ({IdList("@ids")})",
            ("workspace", workspaceId), ("ids", IdListValue(customerIds)));
        return await ReadAsync(command, withData: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(string workspaceId, IReadOnlyCollection<CustomerRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // One prepared statement for every row: its parameters are set afresh each time.
        await using var command = Command(connection, $"""
            INSERT INTO customers (workspace_id, {AllColumns})
            VALUES (@workspace, @id, @position, @live, @name, @name_sort, @email, @phone, @email_key, @phone_key, @domain_key,
                @company_id, @owner_id, @tags, @search_text, @created_at, @updated_at, @data)
            ON CONFLICT (workspace_id, customer_id) DO UPDATE SET position = excluded.position, live = excluded.live,
                name = excluded.name, name_sort = excluded.name_sort, email = excluded.email, phone = excluded.phone,
                email_key = excluded.email_key, phone_key = excluded.phone_key, domain_key = excluded.domain_key,
                company_id = excluded.company_id, owner_id = excluded.owner_id, tags = excluded.tags,
                search_text = excluded.search_text, created_at = excluded.created_at, updated_at = excluded.updated_at,
                data = excluded.data
            WHERE excluded.position > customers.position
            """,
            [("workspace", workspaceId), ("id", ""), ("position", 0L), ("live", 0), ("name", ""), ("name_sort", ""),
             ("email", DBNull.Value), ("phone", DBNull.Value), ("email_key", DBNull.Value), ("phone_key", DBNull.Value),
             ("domain_key", DBNull.Value), ("company_id", DBNull.Value), ("owner_id", DBNull.Value), ("tags", ""),
             ("search_text", ""), ("created_at", 0L), ("updated_at", 0L), ("data", Array.Empty<byte>())]);
        command.Transaction = transaction;
        foreach (var row in rows)
        {
            Set(command, "id", row.CustomerId);
            Set(command, "position", row.Position);
            Set(command, "live", row.Live ? 1 : 0);
            Set(command, "name", row.Name);
            Set(command, "name_sort", row.NameSort);
            Set(command, "email", row.Email);
            Set(command, "phone", row.Phone);
            Set(command, "email_key", row.Keys.EmailKey);
            Set(command, "phone_key", row.Keys.PhoneKey);
            Set(command, "domain_key", row.Keys.DomainKey);
            Set(command, "company_id", row.Keys.CompanyId);
            Set(command, "owner_id", row.OwnerId);
            Set(command, "tags", row.Tags);
            Set(command, "search_text", row.SearchText);
            Set(command, "created_at", row.CreatedAt);
            Set(command, "updated_at", row.UpdatedAt);
            Set(command, "data", row.Data);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(string workspaceId, string foldId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            DELETE FROM customers WHERE workspace_id = @workspace;
            INSERT INTO customer_folds (workspace_id, fold_id, position) VALUES (@workspace, @fold, 0)
            ON CONFLICT (workspace_id) DO UPDATE SET fold_id = excluded.fold_id, position = 0;
            """, ("workspace", workspaceId), ("fold", foldId));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkFoldedAsync(string workspaceId, long position, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "UPDATE customer_folds SET position = @position WHERE workspace_id = @workspace AND position < @position",
            ("workspace", workspaceId), ("position", position));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CustomerFold?> GetFoldAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT fold_id, position FROM customer_folds WHERE workspace_id = @workspace", ("workspace", workspaceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new CustomerFold(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public async Task<CustomerTablePage> ListAsync(string workspaceId, CustomerTableQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("workspace_id = @workspace AND live = 1");
        var parameters = new List<(string, object)> { ("workspace", workspaceId) };
        if (query.OwnerId is not null) Filter(where, parameters, "owner_id = @owner", ("owner", query.OwnerId));
        if (query.CompanyId is not null) Filter(where, parameters, "company_id = @company", ("company", query.CompanyId));
        if (query.Tag is not null)
        {
            var separator = CustomerTableQuery.TagSeparator;
            Filter(where, parameters, @"tags LIKE @tag ESCAPE '\'", ("tag", $"%{separator}{EscapeLike(query.Tag)}{separator}%"));
        }
        if (!string.IsNullOrEmpty(query.Text)) Filter(where, parameters, @"search_text LIKE @text ESCAPE '\'", ("text", $"%{EscapeLike(query.Text)}%"));
        var sort = query.Sort switch
        {
            CustomerSort.Created => "created_at",
            CustomerSort.Updated => "updated_at",
            _ => "name_sort",
        };
        var direction = query.Descending ? "DESC" : "ASC";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = Command(connection, $"SELECT count(*) FROM customers WHERE {where}", [.. parameters]);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        if (total <= query.Offset) return new CustomerTablePage([], total);
        await using var page = Command(connection,
            $"SELECT {AllColumns} FROM customers WHERE {where} ORDER BY {sort} {direction}, customer_id {direction} LIMIT @limit OFFSET @offset",
            [.. parameters, ("limit", query.Limit), ("offset", query.Offset)]);
        return new CustomerTablePage(await ReadAsync(page, withData: true, cancellationToken).ConfigureAwait(false), total);
    }

    public async Task<IReadOnlyList<CustomerRow>> FindByKeysAsync(string workspaceId, CustomerKeys keys, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.IsEmpty) return [];
        var parameters = new List<(string, object)> { ("workspace", workspaceId), ("limit", limit) };
        var terms = new List<string>();
        foreach (var (column, value) in KeyColumns.Zip([keys.EmailKey, keys.PhoneKey, keys.CompanyId, keys.DomainKey]))
        {
            if (value is null) continue;
            terms.Add($"{column} = @{column}");
            parameters.Add((column, value));
        }
        // One select per key, each through its own index and limited on its own (a domain of thousands must not
        // crowd out the company's people); a customer sharing two keys comes back once.
        var union = string.Join(" UNION ALL ", terms.Select((t, i) =>
            $"SELECT * FROM (SELECT {ContactColumns} FROM customers WHERE workspace_id = @workspace AND {Live} AND {t} LIMIT @limit) AS k{i}"));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, union, [.. parameters]);
        return Once(await ReadAsync(command, withData: false, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<CustomerRow>> FindByContactsAsync(string workspaceId, IReadOnlyCollection<string> emailKeys, IReadOnlyCollection<string> phoneKeys, CancellationToken cancellationToken = default)
    {
        if (emailKeys.Count == 0 && phoneKeys.Count == 0) return [];
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Each through its own index; a customer matching on both comes back once.
        await using var command = Command(connection, $"""
            SELECT {ContactColumns} FROM customers WHERE workspace_id = @workspace AND {Live} AND email_key IN ({IdList("@emails")})
            UNION ALL
            SELECT {ContactColumns} FROM customers WHERE workspace_id = @workspace AND {Live} AND phone_key IN ({IdList("@phones")})
            """, ("workspace", workspaceId), ("emails", IdListValue(emailKeys)), ("phones", IdListValue(phoneKeys)));
        return Once(await ReadAsync(command, withData: false, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<IReadOnlyList<CustomerRow>>> CrowdedAsync(string workspaceId, int perGroup, int maxRows, CancellationToken cancellationToken = default)
    {
        var groups = new List<IReadOnlyList<CustomerRow>>();
        var left = maxRows;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var column in KeyColumns)
        {
            if (left < 2) break;
            // Numbered within each key value, so a large group's rows past perGroup are neither read nor counted.
            await using var command = Command(connection, $"""
                SELECT {ContactColumns} FROM (
                    SELECT {ContactColumns}, row_number() OVER (PARTITION BY {column} ORDER BY customer_id) AS nth
                    FROM customers
                    WHERE workspace_id = @workspace AND {Live} AND {column} IN (
                        SELECT {column} FROM customers WHERE workspace_id = @workspace AND {Live} AND {column} IS NOT NULL
                        GROUP BY {column} HAVING count(*) > 1)) AS crowded
                WHERE nth <= @perGroup
                ORDER BY {column}, nth
                LIMIT @limit
                """, ("workspace", workspaceId), ("perGroup", perGroup), ("limit", left));
            var rows = await ReadAsync(command, withData: false, cancellationToken).ConfigureAwait(false);
            // The limit can cut the last group down to one row, which is no group.
            var found = rows.GroupBy(r => KeyOf(r.Keys, column)).Select(g => g.ToList()).Where(g => g.Count > 1).ToList();
            groups.AddRange(found);
            left -= found.Sum(g => g.Count);
        }
        return groups;
    }

    /// <summary>A subquery of the strings in <paramref name="parameter"/>, bound to <see cref="IdListValue"/>.</summary>
    protected abstract string IdList(string parameter);

    protected abstract object IdListValue(IReadOnlyCollection<string> ids);

    /// <summary>An open connection on which the customers table exists.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Each customer once (a customer matching on two keys is returned by both selects of a UNION ALL).</summary>
    private static List<CustomerRow> Once(List<CustomerRow> rows) => rows.DistinctBy(r => r.CustomerId, StringComparer.Ordinal).ToList();

    private static void Filter(StringBuilder where, List<(string, object)> parameters, string term, (string, object) parameter)
    {
        where.Append(" AND ").Append(term);
        parameters.Add(parameter);
    }

    /// <summary><paramref name="text"/> as a LIKE pattern's literal part, with <c>\</c> as the escape.</summary>
    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static string? KeyOf(CustomerKeys keys, string column) => column switch
    {
        "email_key" => keys.EmailKey,
        "phone_key" => keys.PhoneKey,
        "domain_key" => keys.DomainKey,
        _ => keys.CompanyId,
    };

    private static void Set(DbCommand command, string name, object? value) => command.Parameters["@" + name].Value = value ?? DBNull.Value;

    private static async Task<List<CustomerRow>> ReadAsync(DbCommand command, bool withData, CancellationToken cancellationToken)
    {
        var rows = new List<CustomerRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(Row(reader, withData));
        return rows;
    }

    private static CustomerRow Row(DbDataReader r, bool withData) => new(
        r.GetString(0), r.GetInt64(1), Convert.ToInt64(r.GetValue(2)) != 0, r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6),
        new CustomerKeys(Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10)), Text(r, 11), r.GetString(12), r.GetString(13),
        r.GetInt64(14), r.GetInt64(15), withData ? (byte[])r.GetValue(16) : []);

    private static string? Text(IDataRecord r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
