// Enter sends a reply: stop the browser from also inserting a newline, which would otherwise land in the box after
// it was cleared. Capture phase, so it runs before the default action; Blazor still receives the keydown.
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.target instanceof Element && e.target.closest("[data-send-on-enter]")) {
    e.preventDefault();
  }
}, true);

// Ctrl+K (Cmd+K on a Mac) focuses the app bar's search box from anywhere in the console.
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
    const box = document.querySelector("[data-testid=search-box] input, input[data-testid=search-box]");
    if (box) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  }
}, true);
