namespace Crm.Silo.Tests.Search;

/// <summary>
/// A test class that needs a server this machine cannot run (Elasticsearch): its <see cref="EngineFactAttribute"/> and
/// <see cref="EngineTheoryAttribute"/> tests are reported skipped, with the reason, unless <see cref="Variable"/> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;

    public string? SkipReason => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) ? $"{Variable} is not set: {Reason}" : null;

    public static string? SkipReasonFor(Type type) =>
        type.GetCustomAttributes(typeof(RequiresEnvironmentAttribute), inherit: true).OfType<RequiresEnvironmentAttribute>().FirstOrDefault()?.SkipReason;
}
