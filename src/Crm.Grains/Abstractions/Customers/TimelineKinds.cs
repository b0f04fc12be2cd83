namespace Crm.Grains.Abstractions.Customers;

/// <summary>The kinds of timeline entries, as the filter names them.</summary>
public static class TimelineKinds
{
    public const string Profile = "profile";
    public const string Attribute = "attribute";
    public const string Activity = "activity";
    public const string Conversation = "conversation";
    public const string Deal = "deal";
    public const string FollowUp = "follow-up";
    public const string Merge = "merge";

    public static readonly IReadOnlyList<string> All = [Profile, Attribute, Activity, Conversation, Deal, FollowUp, Merge];
}
