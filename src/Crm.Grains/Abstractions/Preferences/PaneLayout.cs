namespace Crm.Grains.Abstractions.Preferences;

/// <summary>
/// The conversation page's three panes on a desktop, as one user left them: the list's and the customer context's
/// widths in CSS pixels (the thread takes the rest) and whether each is folded away.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.preferences.pane-layout")]
public sealed record PaneLayout(int ListWidth = PaneLayout.DefaultListWidth, int ContextWidth = PaneLayout.DefaultContextWidth,
    bool ListFolded = false, bool ContextFolded = false)
{
    public const int DefaultListWidth = 320;
    public const int DefaultContextWidth = 300;
    public const int MinWidth = 200;
    public const int MaxListWidth = 640;
    public const int MaxContextWidth = 560;

    public static readonly PaneLayout Default = new();

    /// <summary>Why this layout cannot be stored, or null when it can.</summary>
    public string? Problem() =>
        ListWidth is < MinWidth or > MaxListWidth ? $"listWidth must be {MinWidth}–{MaxListWidth} pixels."
        : ContextWidth is < MinWidth or > MaxContextWidth ? $"contextWidth must be {MinWidth}–{MaxContextWidth} pixels."
        : null;
}
