namespace Crm.Grains.Abstractions.Directory;

/// <summary>
/// A page of the workspace's companies by name or domain; <paramref name="ParentId"/> lists one company's children,
/// <paramref name="OwnerId"/> one owner's; <paramref name="Sort"/> one of "name", "-name", "domain", "-domain",
/// "created", "-created" (default "name").
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.directory.company-query")]
public sealed record CompanyQuery(string? Text = null, string? ParentId = null, int Offset = 0, int Limit = 50, string? OwnerId = null, string? Sort = null);
