namespace Crm.Grains.Abstractions.Directory;

/// <summary>
/// One customer in the <see cref="ICustomerTable"/>: the columns the directory filters, sorts and matches on, and the
/// serialized fold (<see cref="Data"/>; empty in answers that do not need it).
/// </summary>
/// <param name="Position">The last event folded into the row.</param>
/// <param name="Live">Has a profile and is not merged into another customer: only live rows are listed and matched.</param>
/// <param name="NameSort">The name upper-cased (invariant): the order of a list by name, case aside.</param>
/// <param name="Tags">The tags, each between <see cref="CustomerTableQuery.TagSeparator"/>s.</param>
/// <param name="SearchText">Name, email and phone lower-cased (invariant), what a text filter looks in.</param>
/// <param name="CreatedAt">UTC ticks.</param>
/// <param name="UpdatedAt">UTC ticks.</param>
public sealed record CustomerRow(
    string CustomerId,
    long Position,
    bool Live,
    string Name,
    string NameSort,
    string? Email,
    string? Phone,
    CustomerKeys Keys,
    string? OwnerId,
    string Tags,
    string SearchText,
    long CreatedAt,
    long UpdatedAt,
    byte[] Data)
{
    public string? CompanyId => Keys.CompanyId;
}

/// <summary>What a customer is matched on: case-folded email, E.164 phone, email domain (free mail aside), company id.</summary>
public sealed record CustomerKeys(string? EmailKey, string? PhoneKey, string? DomainKey, string? CompanyId)
{
    public bool IsEmpty => EmailKey is null && PhoneKey is null && DomainKey is null && CompanyId is null;
}

/// <summary>A list query on the table; <see cref="Text"/> lower-cased and <see cref="Tag"/> as stored.</summary>
public sealed record CustomerTableQuery(
    string? Text,
    string? OwnerId,
    string? Tag,
    string? CompanyId,
    CustomerSort Sort,
    bool Descending,
    int Offset,
    int Limit)
{
    /// <summary>Between tags in <see cref="CustomerRow.Tags"/> (and around them): a character no tag holds.</summary>
    public const char TagSeparator = '\u001f';
}

public enum CustomerSort
{
    Name,
    Created,
    Updated,
}

public sealed record CustomerTablePage(IReadOnlyList<CustomerRow> Rows, int Total);

/// <summary>Which fold of a workspace's events the table holds, and up to which position (see <see cref="ICustomerTable.MarkFoldedAsync"/>).</summary>
public sealed record CustomerFold(string FoldId, long Position);
