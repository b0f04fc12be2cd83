// Single-key shortcuts for the console (the inbox's and an open conversation's). Ignored while typing in a field and
// with modifier keys, so they never steal a character from a reply.
export function register(dotnet) {
  const handler = (e) => {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) {
      // Esc leaves a text box such as the reply box, so the keys work again without reaching for the mouse.
      if (e.key === "Escape" && t.tagName === "TEXTAREA") t.blur();
      return;
    }
    dotnet.invokeMethodAsync("OnShortcut", e.key);
  };
  document.addEventListener("keydown", handler);
  return { dispose: () => document.removeEventListener("keydown", handler) };
}
