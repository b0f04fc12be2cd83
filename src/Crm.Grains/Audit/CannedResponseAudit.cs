using Crm.Grains.CannedResponses.Events;

namespace Crm.Grains.Audit;

/// <summary>
/// Canned response events in words. One stream holds all of a workspace's responses, so each field is named by its
/// shortcut ("/hello text"). The text is the team's own template, not a customer's words: it is shown in full.
/// </summary>
internal static class CannedResponseAudit
{
    public static AuditDescription Saved(CannedResponseSaved e) => AuditDescription.Of(
        "saved canned response",
        $"/{e.Shortcut}",
        new FieldValue(Title(e.Shortcut), e.Title),
        new FieldValue(Text(e.Shortcut), e.Body));

    public static AuditDescription Deleted(CannedResponseDeleted e) => AuditDescription.Of(
        "deleted canned response",
        $"/{e.Shortcut}",
        new FieldValue(Title(e.Shortcut), null),
        new FieldValue(Text(e.Shortcut), null));

    private static string Title(string shortcut) => $"/{shortcut} title";

    private static string Text(string shortcut) => $"/{shortcut} text";
}
