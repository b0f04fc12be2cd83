using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Crm.Web.Components.Panes;

/// <summary>
/// Resizes the pane beside it: arrow keys move it by <see cref="Step"/> pixels (towards the thread grows a left pane,
/// shrinks a right one), Enter folds or unfolds it, Home folds it, End unfolds it. The pointer drag is js/panes.js,
/// which reports the final width through <see cref="OnWidth"/> and keeps those keys from scrolling the page. The
/// <see cref="ThreePanes"/> around it owns width and fold state.
/// </summary>
public sealed partial class PaneSplitter
{
    private const int Step = 16;

    /// <summary>"start" for the pane on the left of the splitter, "end" for the one on its right.</summary>
    [Parameter, EditorRequired] public string Side { get; set; } = "start";

    [Parameter, EditorRequired] public string Label { get; set; } = "";

    /// <summary>The id of the pane it resizes.</summary>
    [Parameter, EditorRequired] public string Controls { get; set; } = "";

    [Parameter] public string TestId { get; set; } = "splitter";

    [Parameter] public int Width { get; set; }

    [Parameter] public int Min { get; set; }

    [Parameter] public int Max { get; set; }

    [Parameter] public bool Folded { get; set; }

    [Parameter] public EventCallback<int> OnWidth { get; set; }

    [Parameter] public EventCallback<bool> OnFolded { get; set; }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        // Towards the thread: right for the left pane, left for the right pane.
        var grow = Side == "start" ? "ArrowRight" : "ArrowLeft";
        var shrink = Side == "start" ? "ArrowLeft" : "ArrowRight";
        if (e.Key == grow || e.Key == shrink)
        {
            if (Folded) await OnFolded.InvokeAsync(false);
            await OnWidth.InvokeAsync(Math.Clamp(Width + (e.Key == grow ? Step : -Step), Min, Max));
        }
        else if (e.Key == "Enter") await OnFolded.InvokeAsync(!Folded);
        else if (e.Key == "Home") await OnFolded.InvokeAsync(true);
        else if (e.Key == "End") await OnFolded.InvokeAsync(false);
    }
}
