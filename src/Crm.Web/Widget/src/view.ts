import type { ConnectionStatus } from "./chat";
import type { VisitorMessage } from "./types";
import { styles } from "./styles";

export interface ViewActions {
  start(name: string, email: string): void;
  send(body: string): void;
  typing(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  // Always textContent: whatever anyone typed is shown as text, never parsed as markup.
  if (text !== undefined) node.textContent = text;
  return node;
}

const statusText: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  online: "We typically reply in a few minutes",
  reconnecting: "Reconnecting… your messages are kept",
  offline: "Offline — we will send your messages as soon as we are back",
};

/** The widget's DOM, inside a shadow root so the host page's CSS and the widget's never touch. */
export class WidgetView {
  private readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly thread: HTMLElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly typingLine: HTMLElement;

  constructor(root: ShadowRoot, title: string, private readonly actions: ViewActions) {
    const style = el("style");
    style.textContent = styles;
    const launcher = el("button", "crm-launcher", "Chat");
    launcher.setAttribute("aria-label", "Open chat");
    launcher.dataset.testid = "widget-launcher";

    this.panel = el("section", "crm-panel crm-hidden");
    this.panel.setAttribute("aria-label", title);
    const header = el("header", "crm-header");
    const close = el("button", "crm-close", "×");
    close.setAttribute("aria-label", "Close chat");
    header.append(el("strong", undefined, title), close);
    this.status = el("div", "crm-status", statusText.connecting);
    this.status.dataset.testid = "widget-status";

    this.form = el("form", "crm-prechat");
    const name = el("input");
    name.placeholder = "Your name";
    name.autocomplete = "name";
    name.maxLength = 100;
    name.dataset.testid = "widget-name";
    const email = el("input");
    email.type = "email";
    email.placeholder = "Email (optional, for replies)";
    email.autocomplete = "email";
    email.dataset.testid = "widget-email";
    const startButton = el("button", "crm-primary", "Start chat");
    startButton.type = "submit";
    startButton.dataset.testid = "widget-start";
    this.form.append(el("p", undefined, "Hi! Ask us anything."), name, email, startButton);
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.actions.start(name.value, email.value);
    });

    this.thread = el("ol", "crm-thread crm-hidden");
    this.thread.dataset.testid = "widget-thread";
    this.error = el("div", "crm-error crm-hidden");
    this.typingLine = el("div", "crm-typing crm-hidden");
    this.typingLine.dataset.testid = "widget-typing";
    this.composer = el("form", "crm-composer crm-hidden");
    this.input = el("textarea");
    this.input.rows = 2;
    this.input.maxLength = 10_000;
    this.input.placeholder = "Type a message…";
    this.input.dataset.testid = "widget-input";
    const send = el("button", "crm-primary", "Send");
    send.type = "submit";
    send.dataset.testid = "widget-send";
    this.composer.append(this.input, send);
    this.composer.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener("input", () => this.actions.typing());
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        this.submit();
      }
    });

    this.panel.append(header, this.status, this.form, this.thread, this.typingLine, this.error, this.composer);
    root.append(style, launcher, this.panel);
    launcher.addEventListener("click", () => this.panel.classList.toggle("crm-hidden"));
    close.addEventListener("click", () => this.panel.classList.add("crm-hidden"));
  }

  open(): void {
    this.panel.classList.remove("crm-hidden");
  }

  showChat(): void {
    this.form.classList.add("crm-hidden");
    this.thread.classList.remove("crm-hidden");
    this.composer.classList.remove("crm-hidden");
  }

  setStatus(status: ConnectionStatus): void {
    this.status.textContent = statusText[status];
    this.status.dataset.state = status;
  }

  showAgentsTyping(names: string[]): void {
    this.typingLine.textContent = names.length === 0 ? "" : `${names.join(", ")} ${names.length === 1 ? "is" : "are"} typing…`;
    this.typingLine.classList.toggle("crm-hidden", names.length === 0);
  }

  showError(message: string): void {
    this.error.textContent = message;
    this.error.classList.toggle("crm-hidden", !message);
  }

  renderMessages(messages: VisitorMessage[], pending: { clientMessageId: string; body: string }[]): void {
    const items = messages.map((m) => this.bubble(m.mine, m.mine ? "You" : m.authorName, m.body, String(m.seq)));
    pending.forEach((p) => items.push(this.bubble(true, "You · sending…", p.body, "")));
    this.thread.replaceChildren(...items);
    this.thread.scrollTop = this.thread.scrollHeight;
  }

  private bubble(mine: boolean, author: string, body: string, seq: string): HTMLElement {
    const item = el("li", mine ? "crm-msg crm-mine" : "crm-msg");
    item.dataset.testid = "widget-message";
    if (seq) item.dataset.seq = seq;
    else item.dataset.pending = "true";
    item.append(el("span", "crm-author", author), el("span", "crm-body", body));
    return item;
  }

  private submit(): void {
    const body = this.input.value;
    if (!body.trim()) return;
    this.input.value = "";
    this.showError("");
    this.actions.send(body);
  }
}
