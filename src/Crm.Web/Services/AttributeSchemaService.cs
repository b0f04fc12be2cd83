using Crm.Grains.Abstractions.Attributes;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>The workspace's custom attributes: everyone reads them (forms show them), admins define them.</summary>
public sealed class AttributeSchemaService(IGrainFactory grains)
{
    public Task<AttributeSchema> GetAsync(WorkspaceUser user) => Schema(user).GetAsync();

    public Task<AttributeSchema> DefineAsync(WorkspaceUser user, DefineAttribute command)
    {
        user.Require(CrmPolicies.Administer);
        return Schema(user).DefineAsync(command with { Actor = user.Actor });
    }

    public Task<AttributeSchema> RemoveAsync(WorkspaceUser user, AttributeTarget target, string key)
    {
        user.Require(CrmPolicies.Administer);
        return Schema(user).RemoveAsync(new RemoveAttribute(target, key, user.Actor));
    }

    private IAttributeSchemaGrain Schema(WorkspaceUser user) => grains.GetGrain<IAttributeSchemaGrain>(user.WorkspaceId);
}
