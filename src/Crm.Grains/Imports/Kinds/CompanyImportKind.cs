using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Directory;
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
        var directory = grains.GetGrain<ICrmDirectoryGrain>(scope.WorkspaceId);
        for (var offset = 0; ; offset += 1_000)
        {
            var page = await directory.ListCompaniesAsync(new CompanyQuery(Offset: offset, Limit: 1_000));
            foreach (var c in page.Items) index.Add(c.CompanyId, c.Name, c.Domain);
            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0) break;
        }
        return new CompanyImportRows(scope, mapping, mode, index);
    }
}
