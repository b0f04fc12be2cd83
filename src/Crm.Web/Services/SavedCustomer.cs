using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;

namespace Crm.Web.Services;

/// <summary>A saved customer and the records that look like it (best first), so the one who saved can merge at once.</summary>
public sealed record SavedCustomer(CustomerDetails Customer, IReadOnlyList<DuplicateMatch> Duplicates);
