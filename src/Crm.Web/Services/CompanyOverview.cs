using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;

namespace Crm.Web.Services;

public sealed record CompanyOverview(CompanyDetails Company, IReadOnlyList<CustomerDetails> People, IReadOnlyList<CompanyDetails> Children, IReadOnlyList<DealDetails> Deals);
