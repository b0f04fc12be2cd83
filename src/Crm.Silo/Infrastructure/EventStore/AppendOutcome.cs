using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>What the group committer decided for one append: a result, an error for its caller, or the version to write at.</summary>
internal readonly record struct AppendOutcome(AppendResult? Result, Exception? Error, long? WriteAtVersion)
{
    public static AppendOutcome Succeeded(AppendResult result) => new(result, null, null);

    public static AppendOutcome Failed(Exception error) => new(null, error, null);

    public static AppendOutcome Write(long firstVersion) => new(null, null, firstVersion);
}
