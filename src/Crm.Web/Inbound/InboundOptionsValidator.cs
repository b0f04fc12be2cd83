using Crm.Grains.Abstractions.Keys;
using Microsoft.Extensions.Options;

namespace Crm.Web.Inbound;

/// <summary>Refuses to start with a key entry that could never match or is too short to be a secret.</summary>
public sealed class InboundOptionsValidator : IValidateOptions<InboundOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundOptions options)
    {
        var failures = new List<string>();
        foreach (var (workspaceId, value) in options.Keys)
        {
            var setting = $"{InboundOptions.SectionName}:Keys:{workspaceId}";
            if (!Ids.IsValid(workspaceId.ToLowerInvariant()))
                failures.Add($"{setting}: '{workspaceId}' is not a workspace id.");
            var secrets = InboundOptions.Split(value);
            if (secrets.Count == 0)
                failures.Add($"{setting} is empty: give one or more comma-separated keys, or remove the setting.");
            else if (secrets.Any(s => s.Length < InboundOptions.MinKeyLength))
                failures.Add($"{setting}: every key must be at least {InboundOptions.MinKeyLength} characters.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
