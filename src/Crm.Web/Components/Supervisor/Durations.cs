namespace Crm.Web.Components.Supervisor;

/// <summary>Elapsed times as the board shows them: seconds matter for a waiting chat, hours for a status.</summary>
public static class Durations
{
    public static string Short(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)span.TotalSeconds)}s",
        { TotalHours: < 1 } => $"{span.Minutes}m {span.Seconds:00}s",
        { TotalDays: < 1 } => $"{(int)span.TotalHours}h {span.Minutes:00}m",
        _ => $"{(int)span.TotalDays}d {span.Hours}h",
    };
}
