namespace Crm.Grains.Abstractions.Companies;

/// <summary>A company (organisation). Key: "{workspaceId}/{companyId}". Its people are the customers naming it.</summary>
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates it; Invalid for a bad field, an attribute not of its kind, or a parent that would make a cycle.</summary>
    Task<CompanyDetails> SaveAsync(SaveCompany command);

    /// <summary>NotFound when never created.</summary>
    Task<CompanyDetails> GetDetailsAsync();
}
