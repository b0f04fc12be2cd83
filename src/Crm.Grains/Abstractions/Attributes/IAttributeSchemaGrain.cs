namespace Crm.Grains.Abstractions.Attributes;

/// <summary>A workspace's custom-attribute definitions (key: the workspace id). Admins define them; every write of a record checks against them.</summary>
public interface IAttributeSchemaGrain : IGrainWithStringKey
{
    /// <summary>Adds or redefines an attribute; Invalid for a bad key, label, kind or option list.</summary>
    Task<AttributeSchema> DefineAsync(DefineAttribute command);

    /// <summary>Removes an attribute; NotFound when it is not defined.</summary>
    Task<AttributeSchema> RemoveAsync(RemoveAttribute command);

    Task<AttributeSchema> GetAsync();
}
