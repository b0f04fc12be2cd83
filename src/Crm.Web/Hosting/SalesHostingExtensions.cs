using Crm.Web.Api;
using Crm.Web.Services;

namespace Crm.Web.Hosting;

/// <summary>The CRM half for sales reps (issue 14): its services and its REST API, composed into AddCrmWeb / MapCrmEndpoints.</summary>
public static class SalesHostingExtensions
{
    public static IServiceCollection AddCrmSales(this IServiceCollection services) => services
        .AddSingleton<CustomerRecordService>()
        .AddSingleton<CompanyService>()
        .AddSingleton<DealService>()
        .AddSingleton<FollowUpService>()
        .AddSingleton<AttributeSchemaService>()
        .AddSingleton<ImportService>()
        .AddSingleton<SavedViewService>();

    /// <summary>/api/customers, /api/companies, /api/deals, /api/follow-ups, /api/my-day, /api/attributes, /api/pipelines, the CSV exports, /api/imports and /api/views.</summary>
    public static IEndpointRouteBuilder MapCrmSalesApis(this IEndpointRouteBuilder endpoints) => endpoints
        .MapCustomersApi()
        .MapCompaniesApi()
        .MapDealsApi()
        .MapFollowUpsApi()
        .MapCrmSettingsApi()
        .MapImportsApi()
        .MapSavedViewsApi();
}
