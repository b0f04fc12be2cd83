using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>An import committed a batch or finished: its page moves the progress bar and the counts.</summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.import")]
public sealed record ImportFeedItem(string Workspace, ImportDetails Import) : LiveFeedItem
{
    public override string WorkspaceId => Workspace;
}
