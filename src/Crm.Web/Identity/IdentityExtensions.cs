using System.Data.Common;
using Crm.Silo.Hosting;
using Crm.Web.Identity.Authorization;
using Crm.Web.Identity.Sessions;
using Crm.Web.Identity.TwoFactor;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Web.Identity;

public static class IdentityExtensions
{
    public const string AccessDeniedPath = "/account/access-denied";

    public const string LoginPath = "/account/login";
    public const string AcceptInvitePath = "/account/accept-invite";

    /// <summary>
    /// ASP.NET Core Identity with cookie login backed by server-side sessions, lockout, TOTP two-factor sign-in and
    /// invitations. Data-protection keys live in the data folder, so cookies survive a restart and web nodes that share
    /// the folder accept each other's cookies; the repository holds no key or secret.
    /// </summary>
    public static IHostApplicationBuilder AddCrmIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CrmIdentityOptions.SectionName).Get<CrmIdentityOptions>() ?? new();
        var configuration = builder.Configuration;
        void UseStore(DbContextOptionsBuilder db)
        {
            if (options.Provider == IdentityStoreProvider.Postgres)
                db.UseNpgsql(configuration.GetConnectionString("CrmPostgres")
                    ?? throw new InvalidOperationException("Crm:Identity:Provider is Postgres but ConnectionStrings:CrmPostgres is not set."));
            else
                db.UseSqlite($"Data Source={DataPaths.Combine(configuration, "identity.db")}");
        }
        builder.Services.AddDbContext<CrmIdentityDbContext>(UseStore);
        builder.Services.AddDbContext<SecurityDbContext>(UseStore);

        builder.Services.AddDataProtection()
            .SetApplicationName("crm")
            .PersistKeysToFileSystem(new DirectoryInfo(DataPaths.Combine(configuration, "keys")));

        builder.Services.AddIdentity<CrmUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireNonAlphanumeric = false;
                // Wrong passwords and wrong two-factor codes both count; the lock lifts by itself.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = true;
                // Each authenticator code works once (see OneTimeAuthenticatorTokenProvider).
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<CrmIdentityDbContext>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddSignInManager<CrmSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InviteTokenProvider>(InviteTokenProvider.ProviderName)
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.ProviderName);

        // Replaces Identity's default (registered with TryAdd): malformed text in an email is a 400, not a 500.
        builder.Services.AddScoped<ILookupNormalizer, CrmLookupNormalizer>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<LiveConnectionHubFilter>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<UserAccessCache>();
        builder.Services.AddSingleton<WorkspaceSecurity>();
        builder.Services.AddSingleton<TwoFactorService>();
        builder.Services.AddSingleton<UserAdministration>();
        builder.Services.AddScoped<SessionCookieEvents>();
        builder.Services.AddHostedService<LiveSessionSweeper>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "crm.auth";
            cookie.Cookie.HttpOnly = true;
            // Lax is the CSRF defence of the cookie-authenticated JSON API (forms also carry antiforgery tokens): a
            // cross-site POST never carries this cookie. Strict would also drop it on links into the console from mail.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = SessionTimings.IdleLifetime;
            // Sessions, validation on every request, and 401/403 for APIs and hubs (see SessionCookieEvents).
            cookie.EventsType = typeof(SessionCookieEvents);
        });

        builder.Services.AddSingleton<IAuthorizationHandler, TwoFactorEnrolmentHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, CrmAuthorizationResultHandler>();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Requests that a script or a SignalR client makes: they get status codes and ProblemDetails, never redirects.</summary>
    public static bool IsApiOrHub(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");

    /// <summary>
    /// EnsureCreated skips a database that already has any table, which is exactly the case when users share the
    /// PostgreSQL database of the event store, and when a second context's tables join an existing identity database:
    /// so look for each context's own table (<typeparamref name="TEntity"/>'s) and create the tables when it is missing.
    /// Asked of the catalog rather than by querying the table, so a first start logs no failed command.
    /// </summary>
    private static async Task EnsureTablesAsync<TEntity>(DbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync()) await creator.CreateAsync();
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in {db.GetType().Name}'s model.");
        if (await TableExistsAsync(db, table)) return;
        try
        {
            await creator.CreateTablesAsync();
        }
        catch (DbException)
        {
            // Another web node sharing the database may have created them first; if not, this is a real failure.
            if (!await TableExistsAsync(db, table)) throw;
        }
    }

    private static async Task<bool> TableExistsAsync(DbContext db, string table) =>
        db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}").SingleAsync() > 0
            : await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync() > 0;

    /// <summary>Creates the identity and security schemas when missing, and the four roles.</summary>
    public static async Task EnsureIdentityStoreAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<CrmIdentityDbContext>();
        await EnsureTablesAsync<CrmUser>(identity);
        var security = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        await EnsureTablesAsync<Sessions.UserSession>(security);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
