using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Grains.Imports.Kinds;

/// <summary>
/// Deals from a CSV: title, pipeline and stage (id or name), amount, currency, close date, owner, the company by name
/// and the contact by email. Each row opens a deal; an unknown stage, company or contact, a negative amount or an
/// unknown currency keeps the row out, reported at its column.
/// </summary>
public sealed class DealImportKind : IImportKind
{
    public const string Kind = "deals";
    public const string Title = "title";
    public const string Pipeline = "pipeline";
    public const string Stage = "stage";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Close = "close";
    public const string Owner = "owner";
    public const string Company = "company";
    public const string ContactEmail = "contact-email";

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["title"] = Title, ["deal"] = Title, ["dealname"] = Title, ["name"] = Title, ["opportunity"] = Title, ["opportunityname"] = Title,
        ["pipeline"] = Pipeline, ["stage"] = Stage, ["dealstage"] = Stage, ["status"] = Stage,
        ["amount"] = Amount, ["value"] = Amount, ["dealvalue"] = Amount, ["dealamount"] = Amount,
        ["currency"] = Currency, ["closedate"] = Close, ["expectedclose"] = Close, ["close"] = Close, ["expectedclosedate"] = Close,
        ["owner"] = Owner, ["dealowner"] = Owner, ["company"] = Company, ["companyname"] = Company, ["account"] = Company,
        ["organisation"] = Company, ["organization"] = Company, ["email"] = ContactEmail, ["contactemail"] = ContactEmail,
        ["contact"] = ContactEmail,
    };

    string IImportKind.Name => Kind;

    public IReadOnlyList<string> Fields { get; } = [Title, Pipeline, Stage, Amount, Currency, Close, Owner, Company, ContactEmail];

    public string Required => Title;

    public IReadOnlyList<string> Suggest(IReadOnlyList<string> headers) => KindSuggestions.Suggest(headers, Synonyms);

    public async Task<IImportRows> PrepareAsync(IGrainFactory grains, ImportScope scope, IReadOnlyList<string> mapping, DuplicateMode mode)
    {
        var directory = grains.GetGrain<ICrmDirectoryGrain>(scope.WorkspaceId);
        var companies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in await StoredCompanies.ReadAsync(grains, scope.WorkspaceId)) companies.TryAdd(c.Name.Trim(), c.CompanyId);
        // The customers a batch's rows name, looked up per batch (a workspace may hold a million), among those stored by now.
        await directory.CatchUpAsync();
        var contacts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        async Task FindAsync(IReadOnlyList<string> emails)
        {
            contacts.Clear();
            foreach (var c in await directory.FindContactsAsync(emails, []))
                if (c.Email is not null && c.CustomerId is not null) contacts.TryAdd(c.Email.Trim(), c.CustomerId);
        }
        var pipelines = await grains.GetGrain<IPipelinesGrain>(scope.WorkspaceId).GetAllAsync();
        return new DealImportRows(scope, mapping, new DealImportLookups(pipelines, companies, contacts), FindAsync);
    }
}
