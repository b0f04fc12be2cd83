namespace Crm.Grains.Abstractions.Directory;

/// <summary>A page of the workspace's companies by name or domain, sorted by name; <paramref name="ParentId"/> lists one company's children.</summary>
[GenerateSerializer, Immutable, Alias("crm.directory.company-query")]
public sealed record CompanyQuery(string? Text = null, string? ParentId = null, int Offset = 0, int Limit = 50);
