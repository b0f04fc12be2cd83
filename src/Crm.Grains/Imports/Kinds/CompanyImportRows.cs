using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Companies;

namespace Crm.Grains.Imports.Kinds;

/// <summary>Each company row checked as the company grain would, then created, or (a duplicate) skipped, updated, merged or created anyway.</summary>
public sealed class CompanyImportRows(ImportScope scope, IReadOnlyList<string> mapping, DuplicateMode mode, CompanyImportIndex index) : IImportRows
{
    public ImportWrite? Plan(CsvRecord record, List<ImportIssue> issues, ref ImportCounts counts)
    {
        var cells = ImportCells.Read(scope, mapping, record, issues);
        var name = cells?.Get(CompanyImportKind.Name, CompanyRules.RequireName);
        var domain = cells?.Get(CompanyImportKind.Domain, d => CompanyRules.Domain(d.Replace("https://", "").Replace("http://", "").TrimEnd('/')));
        var owner = cells?.Get(CompanyImportKind.Owner, o => Ids.Require(o, "owner"));
        if (cells is not null && name is null && !cells.Refused) cells.Refuse(null, "The row has no company name; every company needs one.");
        if (cells is null || cells.Refused)
        {
            counts = counts with { Rows = counts.Rows + 1, Invalid = counts.Invalid + 1 };
            return null;
        }

        var match = index.Find(name!, domain);
        counts = counts with { Rows = counts.Rows + 1, Duplicates = counts.Duplicates + (match is null ? 0 : 1) };
        if (match is not { } m || mode == DuplicateMode.Create)
        {
            var id = scope.RowId(record.Line);
            index.Add(id, name!, domain);
            counts = counts with { Created = counts.Created + 1 };
            return new ImportWrite(record.Line, id, false, (grains, actor) =>
                Company(grains, id).SaveAsync(new SaveCompany(name!, domain, null, owner, null, actor)));
        }
        switch (mode)
        {
            case DuplicateMode.Skip:
                counts = counts with { Skipped = counts.Skipped + 1 };
                return null;
            case DuplicateMode.Update:
                counts = counts with { Updated = counts.Updated + 1 };
                break;
            default:
                counts = counts with { Merged = counts.Merged + 1 };
                break;
        }
        return new ImportWrite(record.Line, m.CompanyId, true, async (grains, actor) =>
        {
            var grain = Company(grains, m.CompanyId);
            var c = await grain.GetDetailsAsync();
            // Update: the row's values win where it has them; merge: they fill only what the company lacks.
            var replace = mode == DuplicateMode.Update;
            await grain.SaveAsync(new SaveCompany(replace ? name! : c.Name, replace ? domain ?? c.Domain : c.Domain ?? domain,
                c.ParentId, replace ? owner ?? c.OwnerId : c.OwnerId ?? owner, null, actor));
        });
    }

    private ICompanyGrain Company(IGrainFactory grains, string id) => grains.GetGrain<ICompanyGrain>(GrainKeys.Scoped(scope.WorkspaceId, id));
}
