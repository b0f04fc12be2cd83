// Pointer dragging for the conversation page's splitters (a module: CSP allows no inline script). The width moves live
// through a CSS variable on the grid; the final width goes to .NET once, when the drag ends. Keys are handled in .NET;
// here they only stop scrolling the page.
const keys = new Set(["ArrowLeft", "ArrowRight", "Home", "End", "Enter"]);

export function attach(container, dotnet) {
    if (!container) return;
    container.addEventListener("keydown", e => {
        if (e.target.classList?.contains("crm-splitter") && keys.has(e.key)) e.preventDefault();
    });
    container.addEventListener("pointerdown", e => {
        const splitter = e.target.closest?.(".crm-splitter");
        if (!splitter || e.button !== 0) return;
        e.preventDefault();
        const side = splitter.dataset.side;
        const pane = container.querySelector(side === "start" ? ".crm-pane--list" : ".crm-pane--context");
        const variable = side === "start" ? "--crm-list-col" : "--crm-context-col";
        const min = Number(splitter.getAttribute("aria-valuemin"));
        const max = Number(splitter.getAttribute("aria-valuemax"));
        const edge = side === "start" ? container.getBoundingClientRect().left : container.getBoundingClientRect().right;
        let width = pane.getBoundingClientRect().width;
        splitter.setPointerCapture(e.pointerId);
        const move = m => {
            width = Math.round(Math.min(max, Math.max(min, side === "start" ? m.clientX - edge : edge - m.clientX)));
            container.style.setProperty(variable, `${width}px`);
        };
        const end = () => {
            splitter.removeEventListener("pointermove", move);
            splitter.removeEventListener("pointerup", end);
            splitter.removeEventListener("pointercancel", end);
            dotnet.invokeMethodAsync("DraggedAsync", side, width);
        };
        splitter.addEventListener("pointermove", move);
        splitter.addEventListener("pointerup", end);
        splitter.addEventListener("pointercancel", end);
    });
}
