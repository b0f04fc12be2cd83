using Crm.Grains.Abstractions.Keys;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The workspace and category columns of an event row, derived once per append from its stream id
/// ("{workspace}/{category}/{id}", see <see cref="StreamIds"/>). An id not of that form gets empty strings: empty means
/// "no workspace or category", while NULL is left for rows a schema migration has not backfilled yet.
/// </summary>
internal readonly record struct StreamColumns(string Workspace, string Category)
{
    public static StreamColumns Of(string streamId) =>
        StreamIds.Parse(streamId) is { } parts ? new(parts.WorkspaceId, parts.Category) : new(string.Empty, string.Empty);
}
