namespace Crm.Grains.Abstractions.Directory;

/// <summary>
/// A page of the workspace's customers: <paramref name="Text"/> in name, email or phone; owner, tag, company filters;
/// <paramref name="Sort"/> one of "name", "-name", "created", "-created", "updated", "-updated" (default "name").
/// Merged records are never listed.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.directory.customer-query")]
public sealed record CustomerQuery(
    string? Text = null,
    string? OwnerId = null,
    string? Tag = null,
    string? CompanyId = null,
    string? Sort = null,
    int Offset = 0,
    int Limit = 50);
