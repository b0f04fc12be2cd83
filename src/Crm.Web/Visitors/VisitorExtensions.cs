using Crm.Web.Api;
using Crm.Web.Hubs;
using Microsoft.AspNetCore.Authentication;

namespace Crm.Web.Visitors;

public static class VisitorExtensions
{
    /// <summary>Visitor tokens, their authentication scheme and policy, and CORS for widgets embedded on other sites.</summary>
    public static IHostApplicationBuilder AddCrmVisitors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VisitorTokens>();
        builder.Services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.SectionName);
        builder.Services.AddSingleton<VisitorConversationService>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, VisitorAuthenticationHandler>(VisitorAuthenticationHandler.SchemeName, configureOptions: null);
        // The widget runs on customers' own sites: any origin may call the widget endpoints, never with cookies
        // (the visitor token travels in a header or the WebSocket query string).
        builder.Services.AddCors(cors => cors.AddPolicy(WidgetApi.CorsPolicy, policy => policy
            .AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
        return builder;
    }

    /// <summary>The widget's session endpoint and hub.</summary>
    public static IEndpointRouteBuilder MapCrmWidget(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWidgetApi();
        endpoints.MapHub<WidgetHub>(WidgetHub.Path).RequireCors(WidgetApi.CorsPolicy);
        return endpoints;
    }
}
