using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Crm.Web.Security.Authorization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Silo.Hosting;
using Crm.Web.Api;
using Crm.Web.Components;
using Crm.Web.Components.Layout;
using Crm.Web.HelpCenter;
using Crm.Web.Hubs;
using Crm.Web.Identity;
using Crm.Web.Identity.Authorization;
using Crm.Web.Identity.Sessions;
using Crm.Web.Inbound;
using Crm.Web.LiveFeed;
using Crm.Web.Security;
using Crm.Web.Seeding;
using Crm.Web.Services;
using Crm.Web.Services.Notifications;
using Crm.Web.Visitors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Crm.Web.Hosting;

public static class WebHostingExtensions
{
    /// <summary>Everything Crm.Web serves: operations, the silo (or a cluster client), identity, the live feed, console, API, hubs.</summary>
    public static WebApplicationBuilder AddCrmWeb(this WebApplicationBuilder builder)
    {
        // Static web assets (MudBlazor's CSS/JS) are served from the build output in every environment, so the
        // README's `dotnet run` and the tests' `dotnet Crm.Web.dll` behave the same.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCrmOperations("web");
        builder.AddCrmSilo();
        builder.AddCrmIdentity();
        builder.AddCrmVisitors();
        builder.AddCrmAuthorization();
        builder.AddCrmInbound();
        builder.AddCrmSecurity();

        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.SectionName);
        builder.Services.AddSingleton<DemoHistoryProgress>();
        builder.Services.AddHostedService<DemoDataSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DemoHistoryHealthCheck>("demo-history", tags: [OperationsExtensions.ReadyTag]);
        builder.Services.AddOptions<WorkspaceSetupOptions>().BindConfiguration(WorkspaceSetupOptions.SectionName);
        // After the demo seeder: it seeds only into an empty identity store.
        builder.Services.AddHostedService<WorkspaceSetup>();

        builder.Services.AddSingleton<LiveFeedRelay>();
        builder.Services.AddSingleton<LiveFeedObserver>();
        builder.Services.AddHostedService<LiveFeedRegistration>();
        builder.Services.AddSingleton(typeof(HubMembers<,>));
        builder.Services.AddHostedService<HubFeedRelay>();
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = 64 * 1024;
                // Outermost: a flood is refused before any other filter or the hub method does work.
                o.AddFilter<HubRateLimitFilter>();
                // Every connection opened with a console session is tracked, so ending the session can close it.
                o.AddFilter<LiveConnectionHubFilter>();
                o.AddFilter<DomainErrorHubFilter>();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));

        builder.Services.AddSingleton<ConversationService>();
        builder.Services.AddSingleton<PreferencesService>();
        builder.Services.AddSingleton<NotificationService>();
        builder.Services.AddSingleton<AgentDirectory>();
        builder.Services.AddSingleton<PresenceService>();
        builder.Services.AddSingleton<AgentPresenceService>();
        builder.Services.AddSingleton<RoutingService>();
        builder.Services.AddSingleton<SupervisorBoardService>();
        builder.Services.AddScoped<ConsoleCircuit>();
        builder.Services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<ConsoleCircuit>());
        builder.Services.AddSingleton<CustomerService>();
        builder.Services.AddSingleton<CannedResponseService>();
        builder.Services.AddSingleton<KnowledgeBaseService>();
        builder.Services.AddSingleton<AssistantService>();
        builder.Services.AddSingleton<SalesAssistantService>();
        builder.Services.AddSingleton<AnswerBotSwitch>();
        builder.Services.AddSingleton<AnswerBotScheduler>();
        builder.Services.AddSingleton<AttachmentService>();
        builder.Services.AddSingleton<ReportService>();
        builder.Services.AddSingleton<AuditTrailService>();
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddCrmSales();
        builder.Services.AddWorkspaceUser();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed request bodies reach ProblemExceptionHandler (a 400 that says why) in every environment; by
        // default only Development throws them, and Production answered a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    /// <summary>Maps the middleware and every endpoint: console, hubs, REST API, health and metrics.</summary>
    public static WebApplication MapCrmEndpoints(this WebApplication app)
    {
        app.UseCrmSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseCrmSameOrigin();
        app.UseCrmRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        // Form posts (the login EditForm, /account/logout) also carry and validate an antiforgery token. The cookie-
        // authenticated JSON endpoints rely on UseCrmSameOrigin above (Origin / Sec-Fetch-Site) and the SameSite=Lax cookie.
        app.UseAntiforgery();

        app.MapGroup("").RequirePolicy(CrmPolicies.Public).MapCrmOperations();
        app.MapStaticAssets().RequirePolicy(CrmPolicies.Public);
        app.MapAuthApi();
        app.MapAccountApi();
        app.MapPreferencesApi();
        app.MapNotificationsApi();
        app.MapAdminUsersApi();
        app.MapConversationsApi();
        app.MapAgentsApi();
        app.MapRoutingApi();
        app.MapCannedResponsesApi();
        app.MapKnowledgeBaseApi();
        app.MapAssistantApi();
        app.MapSalesAssistantApi();
        app.MapAnswerBotApi();
        app.MapHelpCenter();
        app.MapWorkspaceSettingsApi();
        app.MapReportsApi();
        app.MapAttachmentsApi();
        app.MapAuditApi();
        app.MapSearchApi();
        app.MapCrmSalesApis();
        app.MapCrmInbound();
        app.MapHub<ConversationHub>(ConversationHub.Path).RequirePolicy(CrmPolicies.Staff);
        app.MapCrmWidget();
        app.MapPost("/account/logout", LogoutAsync).RequirePolicy(CrmPolicies.SignedIn);
        // Pages carry their own [Authorize(Policy)]; the framework's endpoints (the circuit hub, its helpers) need only a
        // sign-in (the two-factor set-up page runs in a circuit), and its static files are public: no surface is left
        // to the fallback.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any()) return;
            var isFile = endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.Contains(":file}", StringComparison.Ordinal);
            var policy = isFile ? CrmPolicies.Public : CrmPolicies.SignedIn;
            endpoint.Metadata.Add(new CrmPolicyAttribute(policy));
            endpoint.Metadata.Add(isFile ? new AllowAnonymousAttribute() : new AuthorizeAttribute(policy));
        });
        return app;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<CrmUser> signIn)
    {
        await antiforgery.ValidateRequestAsync(context);
        await signIn.SignOutAsync();
        return Results.LocalRedirect(IdentityExtensions.LoginPath);
    }
}
