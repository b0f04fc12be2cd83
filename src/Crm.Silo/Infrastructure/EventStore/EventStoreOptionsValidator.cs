using Microsoft.Extensions.Options;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>Fails the host at start with a message that names the configuration key to fix.</summary>
public sealed class EventStoreOptionsValidator : IValidateOptions<EventStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, EventStoreOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{EventStoreOptions.SectionName}:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
        }

        if (options.Provider == EventStoreProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(
                $"{EventStoreOptions.SectionName}:Provider is Postgres but ConnectionStrings:{EventStoreOptions.ConnectionStringName} is empty. " +
                $"Set it (for example the environment variable ConnectionStrings__{EventStoreOptions.ConnectionStringName}=\"Host=...;Database=crm;Username=...\") " +
                "or use the Sqlite provider.");
        }

        if (options.Provider == EventStoreProvider.Sqlite && string.IsNullOrWhiteSpace(options.DataPath))
        {
            failures.Add($"{EventStoreOptions.DataPathKey} is empty; the SQLite event store needs a folder (default {EventStoreOptions.DefaultDataPath}).");
        }

        if (options.MaxBatchAppends < 1)
        {
            failures.Add($"{EventStoreOptions.SectionName}:MaxBatchAppends must be at least 1, not {options.MaxBatchAppends}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
