using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports.Kinds;

/// <summary>Companies from a CSV: name, domain, owner; a row naming a stored company (or an earlier row's) by name or domain is a duplicate.</summary>
public sealed class CompanyImportKind : IImportKind
{
    public const string Kind = "companies";
    public const string Name = "name";
    public const string Domain = "domain";
    public const string Owner = "owner";

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["name"] = Name, ["company"] = Name, ["companyname"] = Name, ["organisation"] = Name, ["organization"] = Name,
        ["account"] = Name, ["accountname"] = Name, ["firma"] = Name,
        ["domain"] = Domain, ["website"] = Domain, ["web"] = Domain, ["url"] = Domain, ["companydomain"] = Domain,
        ["owner"] = Owner, ["accountowner"] = Owner, ["ownerid"] = Owner,
    };

    string IImportKind.Name => Kind;

    public IReadOnlyList<string> Fields { get; } = [Name, Domain, Owner];

    public string Required => Name;

    public IReadOnlyList<string> Suggest(IReadOnlyList<string> headers) => KindSuggestions.Suggest(headers, Synonyms);

    public async Task<IImportRows> PrepareAsync(IGrainFactory grains, ImportScope scope, IReadOnlyList<string> mapping, DuplicateMode mode)
    {
        var index = new CompanyImportIndex();
        foreach (var c in await StoredCompanies.ReadAsync(grains, scope.WorkspaceId)) index.Add(c.CompanyId, c.Name, c.Domain);
        return new CompanyImportRows(scope, mapping, mode, index);
    }
}
