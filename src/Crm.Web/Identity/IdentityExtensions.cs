using System.Data.Common;
using Crm.Silo.Hosting;
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

    /// <summary>
    /// ASP.NET Core Identity with cookie login. Data-protection keys live in the data folder, so cookies survive a
    /// restart and web nodes that share the folder accept each other's cookies.
    /// </summary>
    public static IHostApplicationBuilder AddCrmIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CrmIdentityOptions.SectionName).Get<CrmIdentityOptions>() ?? new();
        var configuration = builder.Configuration;
        builder.Services.AddDbContext<CrmIdentityDbContext>(db =>
        {
            if (options.Provider == IdentityStoreProvider.Postgres)
                db.UseNpgsql(configuration.GetConnectionString("CrmPostgres")
                    ?? throw new InvalidOperationException("Crm:Identity:Provider is Postgres but ConnectionStrings:CrmPostgres is not set."));
            else
                db.UseSqlite($"Data Source={DataPaths.Combine(configuration, "identity.db")}");
        });

        builder.Services.AddDataProtection()
            .SetApplicationName("crm")
            .PersistKeysToFileSystem(new DirectoryInfo(DataPaths.Combine(configuration, "keys")));

        builder.Services.AddIdentity<CrmUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CrmIdentityDbContext>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

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
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            // APIs and hubs answer 401/403 instead of redirecting to a login page a script cannot show.
            cookie.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(CrmClaims.Workspace)
                .Build());
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>
    /// EnsureCreated skips a database that already has any table, which is exactly the case when users share the
    /// PostgreSQL database of the event store: so look for the identity tables themselves.
    /// </summary>
    private static async Task EnsureSchemaAsync(CrmIdentityDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync()) await creator.CreateAsync();
        try
        {
            await db.Users.AnyAsync();
        }
        catch (DbException)
        {
            await creator.CreateTablesAsync();
        }
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates the identity schema when missing and the four roles.</summary>
    public static async Task EnsureIdentityStoreAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await EnsureSchemaAsync(scope.ServiceProvider.GetRequiredService<CrmIdentityDbContext>());
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
