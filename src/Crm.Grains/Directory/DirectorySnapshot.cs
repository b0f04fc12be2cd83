using Crm.Grains.Companies;

namespace Crm.Grains.Directory;

/// <summary>
/// The CRM directory as saved: every company's fold, and (by the snapshot's position) how far the customer table is
/// folded; the customers themselves are in the <see cref="Abstractions.Directory.ICustomerTable"/>.
/// </summary>
/// <param name="FoldId">The fold of the customer table this snapshot checkpoints (see ICustomerTable.ClearAsync).</param>
[GenerateSerializer, Alias("crm.directory.snapshot.v2")]
public sealed record DirectorySnapshot(
    [property: Id(0)] Dictionary<string, CompanyState> Companies,
    [property: Id(1)] string FoldId);
