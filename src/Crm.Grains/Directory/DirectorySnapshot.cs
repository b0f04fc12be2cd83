using Crm.Grains.Companies;
using Crm.Grains.Customers;

namespace Crm.Grains.Directory;

/// <summary>The CRM directory as saved: every customer's and company's fold (the duplicate index is derived from them).</summary>
[GenerateSerializer, Alias("crm.directory.snapshot")]
public sealed record DirectorySnapshot(
    [property: Id(0)] Dictionary<string, CustomerState> Customers,
    [property: Id(1)] Dictionary<string, CompanyState> Companies);
