using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.Abstractions.Mail;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Projections;

/// <summary>
/// Every kind of projection partition and how to find its grain from the part of its key after the kind (the workspace,
/// or a hosted projection's name): what the waker re-activates after a silo stopped. One line per projection.
/// </summary>
public static class ProjectionKinds
{
    public const string Inbox = "inbox";
    public const string Roster = "roster";
    public const string Reports = "reports";
    public const string Router = "router";
    public const string MailOutbox = "mail-outbox";
    public const string Deals = "deals";
    public const string FollowUps = "follow-ups";
    public const string Directory = "directory";
    public const string KnowledgeBase = "knowledge-base";
    public const string Notifications = "notifications";

    public static IReadOnlyList<(string Kind, Func<IGrainFactory, string, IProjectionPartitionGrain> Find)> All { get; } =
    [
        (Inbox, (grains, id) => grains.GetGrain<IInboxGrain>(id)),
        (Roster, (grains, id) => grains.GetGrain<IAgentRosterGrain>(id)),
        (Reports, (grains, id) => grains.GetGrain<IReportGrain>(id)),
        (Router, (grains, id) => grains.GetGrain<IRouterGrain>(id)),
        (MailOutbox, (grains, id) => grains.GetGrain<IMailOutboxGrain>(id)),
        (Deals, (grains, id) => grains.GetGrain<IDealBoardGrain>(id)),
        (FollowUps, (grains, id) => grains.GetGrain<IFollowUpListGrain>(id)),
        (Directory, (grains, id) => grains.GetGrain<ICrmDirectoryGrain>(id)),
        (KnowledgeBase, (grains, id) => grains.GetGrain<IKnowledgeBaseGrain>(id)),
        (Notifications, (grains, id) => grains.GetGrain<INotificationProjectionGrain>(id)),
        (HostedProjectionGrain.Kind, (grains, id) => grains.GetGrain<IHostedProjectionGrain>(id)),
    ];
}
