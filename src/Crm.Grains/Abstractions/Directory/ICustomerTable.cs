namespace Crm.Grains.Abstractions.Directory;

/// <summary>
/// The CRM directory's customers on disk, one row per customer per workspace: what lists, duplicate checks and the
/// review queue read, so a workspace of a million customers is not held in memory (SQLite beside the events, or the
/// PostgreSQL database). Derived from the events by the directory projection, which is its only writer: a row is
/// replaced only by one folded further (a later <see cref="CustomerRow.Position"/>), so a replay after a crash writes
/// nothing twice.
/// </summary>
public interface ICustomerTable
{
    /// <summary>The rows of the given customers that exist, with their data.</summary>
    Task<IReadOnlyList<CustomerRow>> GetAsync(string workspaceId, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the rows in one transaction; a stored row at the same or a later position is kept.</summary>
    Task WriteAsync(string workspaceId, IReadOnlyCollection<CustomerRow> rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the workspace's rows before its directory is folded again from the first event, and names that fold
    /// <paramref name="foldId"/>: a snapshot records the fold it checkpoints, and is worthless with any other.
    /// </summary>
    Task ClearAsync(string workspaceId, string foldId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the workspace's rows hold every event up to <paramref name="position"/> (before a snapshot with that
    /// checkpoint is saved); never moves back.
    /// </summary>
    Task MarkFoldedAsync(string workspaceId, long position, CancellationToken cancellationToken = default);

    /// <summary>The fold the workspace's rows belong to (see <see cref="ClearAsync"/>) and how far they are marked folded; null when none.</summary>
    Task<CustomerFold?> GetFoldAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>One page of the live customers matching the query, with their data, and how many match in all.</summary>
    Task<CustomerTablePage> ListAsync(string workspaceId, CustomerTableQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Live customers sharing at least one key with the probe (email key, phone key, email domain or company), without
    /// their data, at most <paramref name="limit"/> through each key (a domain of thousands does not crowd out a
    /// company's people).
    /// </summary>
    Task<IReadOnlyList<CustomerRow>> FindByKeysAsync(string workspaceId, CustomerKeys keys, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Live customers, without their data, whose email key is among <paramref name="emailKeys"/> or phone key among
    /// <paramref name="phoneKeys"/>: an import's batch looks up the stored customers its rows may repeat in one query.
    /// </summary>
    Task<IReadOnlyList<CustomerRow>> FindByContactsAsync(string workspaceId, IReadOnlyCollection<string> emailKeys, IReadOnlyCollection<string> phoneKeys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Groups of live customers (without their data) that share one key, each group at most <paramref name="perGroup"/>
    /// rows, at most <paramref name="maxRows"/> rows in all: where the review queue looks for duplicates.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<CustomerRow>>> CrowdedAsync(string workspaceId, int perGroup, int maxRows, CancellationToken cancellationToken = default);
}
