using Crm.Web.Identity;

namespace Crm.Web.Api;

/// <summary>Lets endpoints take the signed-in <see cref="WorkspaceUser"/> as a parameter.</summary>
public static class WorkspaceUserBinding
{
    public static IServiceCollection AddWorkspaceUser(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped(sp =>
            WorkspaceUser.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User)
            ?? throw new UnauthorizedAccessException("Sign in first."));
}
