import { ChatClient } from "./chat";
import { WidgetView } from "./view";

/**
 * Entry point. Embed with one tag:
 *   <script src="https://crm.example.com/widget/crm-widget.js" data-workspace="demo" async></script>
 * Optional: data-title, data-color (accent), data-open="true" (open on load), data-queue (the queue chats enter;
 * the workspace's default otherwise).
 */
function boot(script: HTMLScriptElement): void {
  const workspaceId = script.dataset.workspace;
  if (!workspaceId) {
    console.error("crm-widget: the script tag needs data-workspace.");
    return;
  }
  const baseUrl = new URL(script.src, document.baseURI).origin;
  const host = document.createElement("div");
  host.id = "crm-widget";
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: "open" });
  if (script.dataset.color) host.style.setProperty("--crm-accent", script.dataset.color);

  let client: ChatClient;
  const view = new WidgetView(root, script.dataset.title ?? "Chat with us", {
    start: (name, email) => {
      view.showChat();
      client.start(name, email).catch((e: Error) => view.showError(e.message));
    },
    send: (body, attachments) => client.send(body, attachments).catch((e: Error) => view.showError(e.message)),
    typing: () => client.typing(),
    upload: (file) => client.upload(file),
    rate: (score, comment) => client.rate(score, comment),
    attachmentUrl: (url) => client.attachmentUrl(url),
    helpUrl: (path) => client.helpUrl(path),
    opened: () => {
      client.setVisible(true);
      client.watch().catch(() => undefined);
    },
    closed: () => client.setVisible(false),
    suggest: (question) => client.suggestArticles(question),
  });
  client = new ChatClient(baseUrl, workspaceId, {
    onMessages: (messages, pending) => view.renderMessages(messages, pending),
    onStatus: (status) => view.setStatus(status),
    onError: (message) => view.showError(message),
    onAgentsTyping: (names) => view.showAgentsTyping(names),
    onState: (state) => view.setState(state),
    onAvailability: (available) => view.setAvailability(available),
    onUnread: (count) => view.setUnread(count),
  }, script.dataset.queue ?? null);
  view.setUnread(client.unread);
  client.checkAvailability().catch(() => undefined);

  if (client.hasConversation) {
    view.showChat();
    client.resume().catch((e: Error) => view.showError(e.message));
  }
  if (script.dataset.open === "true") view.open();
}

const current = document.currentScript as HTMLScriptElement | null;
if (current) {
  if (document.body) boot(current);
  else document.addEventListener("DOMContentLoaded", () => boot(current));
}
