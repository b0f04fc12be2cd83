namespace Crm.Grains.Abstractions.Keys;

/// <summary>
/// Grain keys always carry the workspace id: "{workspaceId}/{id}". Built and parsed only here,
/// so no grain of one workspace can be addressed with another workspace's key by accident.
/// </summary>
public static class GrainKeys
{
    public static string Scoped(string workspaceId, string id) =>
        $"{Ids.Require(workspaceId, "workspace")}/{Ids.Require(id, "entity")}";

    public static (string WorkspaceId, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
            throw new ArgumentException($"Grain key '{key}' is not of the form workspace/id.", nameof(key));
        return (key[..slash], key[(slash + 1)..]);
    }
}
