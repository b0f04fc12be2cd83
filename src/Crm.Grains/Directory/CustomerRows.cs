using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Customers;
using Orleans.Serialization;

namespace Crm.Grains.Directory;

/// <summary>
/// A customer's fold as a row of the <see cref="ICustomerTable"/> and back: the columns the directory filters, sorts and
/// matches on, computed here once per write, and the fold itself in Orleans' format (what it was in the directory's
/// snapshot before it moved to the table).
/// </summary>
public sealed class CustomerRows(Serializer serializer)
{
    public CustomerRow ToRow(string customerId, CustomerState state, long position)
    {
        var p = state.Profile;
        var keys = p is null ? default : DuplicateRules.Keys(p.Name, p.Email, p.Phone);
        var name = p?.Name ?? "";
        var separator = CustomerTableQuery.TagSeparator;
        var tags = state.Tags.Count == 0 ? "" : $"{separator}{string.Join(separator, state.Tags)}{separator}";
        return new CustomerRow(customerId, position, p is not null && state.MergedInto is null, name, name.ToUpperInvariant(),
            p?.Email, p?.Phone, new CustomerKeys(keys.Email, keys.Phone, keys.Domain, state.CompanyId), state.OwnerId, tags,
            $"{name}\n{p?.Email}\n{p?.Phone}".ToLowerInvariant(), state.CreatedAt.UtcTicks, state.UpdatedAt.UtcTicks,
            serializer.SerializeToArray(state));
    }

    public CustomerState StateOf(CustomerRow row) =>
        serializer.Deserialize<CustomerState>(row.Data) ?? throw new InvalidDataException($"Customer {row.CustomerId}'s row holds no fold.");
}
