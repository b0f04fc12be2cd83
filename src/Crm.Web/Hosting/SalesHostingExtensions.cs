using Crm.Web.Api;
using Crm.Web.Services;
using Crm.Web.Services.Bulk;

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
        .AddSingleton<SavedViewService>()
        .AddSingleton<CustomerPipelineEntry>()
        .AddSingleton<CustomerBulkService>()
        .AddSingleton<DealBulkService>();

    /// <summary>/api/customers, /api/companies, /api/deals, /api/follow-ups, /api/my-day, /api/attributes, /api/pipelines, the CSV exports, /api/imports, /api/views and the bulk actions.</summary>
    public static IEndpointRouteBuilder MapCrmSalesApis(this IEndpointRouteBuilder endpoints) => endpoints
        .MapCustomersApi()
        .MapCompaniesApi()
        .MapDealsApi()
        .MapFollowUpsApi()
        .MapCrmSettingsApi()
        .MapImportsApi()
        .MapSavedViewsApi()
        .MapBulkApi();
}
