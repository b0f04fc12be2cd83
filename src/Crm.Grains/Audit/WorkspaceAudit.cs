using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Workspaces.Events;

namespace Crm.Grains.Audit;

/// <summary>Workspace events in words. The SLA settings become one field per value, so a change shows only what moved.</summary>
internal static class WorkspaceAudit
{
    public static AuditDescription Created(WorkspaceCreated e) =>
        AuditDescription.Of("created workspace", null, new FieldValue("name", e.Name));

    public static AuditDescription SlaConfigured(WorkspaceSlaConfigured e)
    {
        var sets = new List<FieldValue>
        {
            new("time zone", e.Calendar.TimeZoneId),
            new("opening hours", Join(e.Calendar.OpeningHours.IsDefault ? [] : e.Calendar.OpeningHours.Select(h => h.ToString()))),
            new("holidays", Join(e.Calendar.Holidays.IsDefault ? [] : e.Calendar.Holidays.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))),
        };
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var targets = e.Policy.For(priority);
            foreach (var metric in Enum.GetValues<SlaMetric>())
                sets.Add(new FieldValue($"{AuditText.Enum(priority)} {AuditText.Enum(metric)}", AuditText.Duration(targets?.For(metric))));
        }
        return new AuditDescription("configured SLA", null, sets);
    }

    /// <summary>One field per member and setting, so a reactivation shows "deactivated → active".</summary>
    public static AuditDescription AccessChanged(WorkspaceAccessChanged e) =>
        AuditDescription.Of($"changed {e.Setting}", e.Subject, new FieldValue($"{e.Subject} {e.Setting}", e.Value));

    private static string? Join(IEnumerable<string> values)
    {
        var text = string.Join(", ", values);
        return text.Length == 0 ? null : text;
    }
}
