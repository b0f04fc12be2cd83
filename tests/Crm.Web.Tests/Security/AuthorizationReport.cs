using System.Text.Json;
using Crm.Testing.Hosts;

namespace Crm.Web.Tests.Security;

/// <summary>What <c>Crm.Web authorization-matrix</c> prints: who each policy admits, and every surface with its policies.</summary>
public sealed record AuthorizationReport(IReadOnlyDictionary<string, string[]> Policies, IReadOnlyList<AuthorizationReport.Surface> Surfaces)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="Fields">The JSON fields of an endpoint's body (or a hub method's first object parameter) and their kinds.</param>
    public sealed record Surface(
        string Kind, string Route, string[] Methods, string[] Parameters, string[] Policies, IReadOnlyDictionary<string, string>? Fields = null)
    {
        public override string ToString() => $"{Kind} {string.Join(',', Methods)} {Route} [{string.Join(", ", Policies)}]";
    }

    /// <summary>A caller passes a surface only if every policy on it admits them (a hub's and its method's both apply).</summary>
    public bool Admits(Surface surface, string caller) =>
        surface.Policies.Length > 0 && surface.Policies.All(p => Policies[p].Contains(caller, StringComparer.OrdinalIgnoreCase));

    public static async Task<AuthorizationReport> ReadAsync(string dataPath)
    {
        var (_, output, errors) = await CrmCommand.RunAsync("authorization-matrix", dataPath);
        return JsonSerializer.Deserialize<AuthorizationReport>(output, Json)
            ?? throw new InvalidOperationException($"authorization-matrix printed nothing: {errors}");
    }
}
