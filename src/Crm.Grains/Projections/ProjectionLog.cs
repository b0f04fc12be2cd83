using Microsoft.Extensions.Logging;

namespace Crm.Grains.Projections;

internal static partial class ProjectionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the checkpoint of projection {Projection} failed; after a crash its last batches are handed again")]
    public static partial void LogCheckpointSaveFailed(this ILogger logger, Exception exception, string projection);
}
