import type { ConnectionStatus } from "./chat";
import type { ArticleSuggestion, AttachmentRef, VisitorConversationState, VisitorMessage } from "./types";
import { ArticleSuggestions } from "./articles";
import { styles } from "./styles";

export interface ViewActions {
  start(name: string, email: string): void;
  send(body: string, attachments: AttachmentRef[]): void;
  typing(): void;
  upload(file: File): Promise<AttachmentRef>;
  rate(score: number, comment: string): Promise<void>;
  attachmentUrl(url: string): string;
  helpUrl(path: string): string;
  /** The visitor opened the panel: worth a live channel, so availability changes show at once, and all is seen. */
  opened(): void;
  /** The visitor closed the panel: what arrives from now on counts as unread. */
  closed(): void;
  /** Published articles that may answer the question typed before a chat starts. */
  suggest(question: string): Promise<ArticleSuggestion[]>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  // Always textContent: whatever anyone typed is shown as text, never parsed as markup.
  if (text !== undefined) node.textContent = text;
  return node;
}

const awayText = "We're away right now — leave a message and we'll reply by email";
const availableText = "We're online — we typically reply in a few minutes";

const unreadText = (count: number): string => `${count} unread message${count === 1 ? "" : "s"}`;

const statusText: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  online: availableText,
  reconnecting: "Reconnecting… your messages are kept",
  offline: "Offline — we will send your messages as soon as we are back",
};

/** The widget's DOM, inside a shadow root so the host page's CSS and the widget's never touch. */
export class WidgetView {
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly thread: HTMLElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly typingLine: HTMLElement;
  private readonly pendingFiles: HTMLElement;
  private readonly rating: HTMLElement;
  private readonly intro: HTMLElement;
  private readonly email: HTMLInputElement;
  private connection: ConnectionStatus = "connecting";
  /** Unknown until the server says; shown as available meanwhile only through the neutral "Connecting…". */
  private available?: boolean;
  private attachments: AttachmentRef[] = [];
  private readUpTo = 0;
  private lastMessages: VisitorMessage[] = [];
  private lastPending: { clientMessageId: string; body: string }[] = [];
  private unread = 0;
  private readonly nameInput: HTMLInputElement;

  constructor(root: ShadowRoot, title: string, private readonly actions: ViewActions) {
    const style = el("style");
    style.textContent = styles;
    // One landmark for the whole widget, so a screen reader finds it among the host page's regions.
    const widget = el("aside", "crm-widget");
    widget.setAttribute("aria-label", title);
    const launcher = el("button", "crm-launcher");
    this.launcher = launcher;
    launcher.type = "button";
    launcher.dataset.testid = "widget-launcher";
    launcher.setAttribute("aria-controls", "crm-panel");
    launcher.setAttribute("aria-expanded", "false");
    // The count is in the button's name ("Open chat, 2 unread messages"); the red dot is for the eyes only.
    this.badge = el("span", "crm-badge crm-hidden");
    this.badge.dataset.testid = "widget-unread";
    this.badge.setAttribute("aria-hidden", "true");
    launcher.append(el("span", undefined, "Chat"), this.badge);
    this.announcer = el("div", "crm-sr");
    this.announcer.setAttribute("role", "status");

    // A non-modal dialog: the host page stays usable beside it.
    this.panel = el("section", "crm-panel crm-hidden");
    this.panel.id = "crm-panel";
    this.panel.setAttribute("role", "dialog");
    this.panel.setAttribute("aria-label", title);
    const header = el("header", "crm-header");
    const close = el("button", "crm-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close chat");
    header.append(el("h2", "crm-title", title), close);
    this.status = el("div", "crm-status", statusText.connecting);
    this.status.setAttribute("role", "status");
    this.status.dataset.testid = "widget-status";

    this.form = el("form", "crm-prechat");
    const name = el("input");
    this.nameInput = name;
    name.placeholder = "Your name";
    name.setAttribute("aria-label", "Your name");
    name.autocomplete = "name";
    name.maxLength = 100;
    name.dataset.testid = "widget-name";
    const email = el("input");
    this.email = email;
    email.type = "email";
    email.placeholder = "Email (optional, for replies)";
    email.autocomplete = "email";
    email.setAttribute("aria-label", "Email");
    email.dataset.testid = "widget-email";
    const question = el("textarea");
    question.rows = 2;
    question.maxLength = 200;
    question.placeholder = "How can we help? (optional)";
    question.setAttribute("aria-label", "Your question");
    question.dataset.testid = "widget-question";
    const articles = new ArticleSuggestions((q) => this.actions.suggest(q));
    question.addEventListener("input", () => articles.typed(question.value));
    const startButton = el("button", "crm-primary", "Start chat");
    startButton.type = "submit";
    startButton.dataset.testid = "widget-start";
    this.intro = el("p", undefined, "Hi! Ask us anything.");
    this.intro.dataset.testid = "widget-intro";
    this.form.append(this.intro, name, email, question, articles.element, startButton);
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.actions.start(name.value, email.value);
      // The question is waiting in the reply box, for the visitor to send as it is or reword.
      if (question.value.trim() !== "") this.input.value = question.value.trim();
    });

    this.thread = el("ol", "crm-thread crm-hidden");
    this.thread.dataset.testid = "widget-thread";
    // It scrolls: keyboard users reach it with Tab and scroll it with the arrow keys.
    this.thread.tabIndex = 0;
    this.thread.setAttribute("aria-label", "Messages");
    this.error = el("div", "crm-error crm-hidden");
    this.error.setAttribute("role", "alert");
    this.typingLine = el("div", "crm-typing crm-hidden");
    this.typingLine.dataset.testid = "widget-typing";
    this.composer = el("form", "crm-composer crm-hidden");
    this.input = el("textarea");
    this.input.rows = 2;
    this.input.maxLength = 10_000;
    this.input.placeholder = "Type a message…";
    this.input.setAttribute("aria-label", "Message");
    this.input.dataset.testid = "widget-input";
    const send = el("button", "crm-primary", "Send");
    send.type = "submit";
    send.dataset.testid = "widget-send";
    const attach = el("label", "crm-attach");
    attach.title = "Attach a file (images, PDF, documents; up to 10 MB)";
    attach.dataset.testid = "widget-attach";
    const clip = el("span", undefined, "📎");
    clip.setAttribute("aria-hidden", "true");
    // Visually hidden rather than display:none, so the file picker stays reachable by keyboard.
    const file = el("input", "crm-sr");
    file.type = "file";
    file.setAttribute("aria-label", "Attach a file");
    file.accept = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,.docx,.xlsx";
    file.addEventListener("change", () => {
      const picked = file.files?.[0];
      file.value = "";
      if (picked) this.actions.upload(picked).then((ref) => {
        this.attachments.push(ref);
        this.renderPendingFiles();
      }, (e: Error) => this.showError(e.message));
    });
    attach.append(clip, file);
    this.composer.append(attach, this.input, send);
    this.pendingFiles = el("div", "crm-files crm-hidden");
    this.rating = this.buildRating();
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

    this.panel.append(header, this.status, this.form, this.thread, this.typingLine, this.rating, this.error, this.pendingFiles, this.composer);
    widget.append(launcher, this.announcer, this.panel);
    root.append(style, widget);
    launcher.addEventListener("click", () => (this.isOpen ? this.close() : this.open(true)));
    close.addEventListener("click", () => this.close());
    this.panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.close();
    });
    this.renderLauncher();
  }

  get isOpen(): boolean {
    return !this.panel.classList.contains("crm-hidden");
  }

  /** Opens the panel; with focus (the visitor asked for it) the caret goes to the first field. */
  open(focus = false): void {
    this.panel.classList.remove("crm-hidden");
    this.renderLauncher();
    this.actions.opened();
    if (focus) (this.form.classList.contains("crm-hidden") ? this.input : this.nameInput).focus();
  }

  close(): void {
    if (!this.isOpen) return;
    // Focus goes back to the launcher only if it was in the panel, never stolen from the host page.
    const hadFocus = this.panel.contains((this.panel.getRootNode() as ShadowRoot).activeElement);
    this.panel.classList.add("crm-hidden");
    this.renderLauncher();
    this.actions.closed();
    if (hadFocus) this.launcher.focus();
  }

  /** The team's messages that arrived while the panel was closed: a badge on the launcher and in its name. */
  setUnread(count: number): void {
    if (count === this.unread) return;
    const more = count > this.unread;
    this.unread = count;
    this.renderLauncher();
    // Said once, politely, when something new arrives; the launcher's name keeps the count for later.
    this.announcer.textContent = more ? unreadText(count) : "";
  }

  private renderLauncher(): void {
    const open = this.isOpen;
    this.launcher.setAttribute("aria-expanded", String(open));
    this.launcher.setAttribute("aria-label", open ? "Hide chat" : this.unread > 0 ? `Open chat, ${unreadText(this.unread)}` : "Open chat");
    this.badge.textContent = this.unread > 9 ? "9+" : String(this.unread);
    this.badge.classList.toggle("crm-hidden", this.unread === 0 || open);
  }

  showChat(): void {
    this.form.classList.add("crm-hidden");
    this.thread.classList.remove("crm-hidden");
    this.composer.classList.remove("crm-hidden");
  }

  setStatus(status: ConnectionStatus): void {
    this.connection = status;
    this.renderStatus();
  }

  /** Tells the truth before and during the chat: someone is there now, or the message waits for a reply by email. */
  setAvailability(available: boolean): void {
    if (this.available === available) return;
    this.available = available;
    this.intro.textContent = available ? "Hi! Ask us anything." : "We're away right now. Leave your message and your email, and we'll reply by email.";
    this.email.placeholder = available ? "Email (optional, for replies)" : "Email (so we can reply)";
    // Nobody is online: the reply will come by email, so the form needs one (the browser checks it on submit).
    this.email.required = !available;
    this.renderStatus();
  }

  /** Connection trouble says so first; otherwise whether an agent is available, once known. */
  private renderStatus(): void {
    const trouble = this.connection === "reconnecting" || this.connection === "offline";
    this.status.textContent = trouble || this.available === undefined
      ? statusText[this.connection]
      : this.available ? availableText : awayText;
    this.status.dataset.state = this.connection;
    if (this.available === undefined) delete this.status.dataset.available;
    else this.status.dataset.available = String(this.available);
  }

  showAgentsTyping(names: string[]): void {
    this.typingLine.textContent = names.length === 0 ? "" : `${names.join(", ")} ${names.length === 1 ? "is" : "are"} typing…`;
    this.typingLine.classList.toggle("crm-hidden", names.length === 0);
  }

  showError(message: string): void {
    this.error.textContent = message;
    this.error.classList.toggle("crm-hidden", !message);
  }

  /** The team's read position and whether to ask for a rating. */
  setState(state: VisitorConversationState): void {
    this.readUpTo = state.readUpTo;
    this.rating.classList.toggle("crm-hidden", !state.canRate);
    this.renderMessages(this.lastMessages, this.lastPending);
  }

  renderMessages(messages: VisitorMessage[], pending: { clientMessageId: string; body: string }[]): void {
    this.lastMessages = messages;
    this.lastPending = pending;
    const lastSeen = [...messages].reverse().find((m) => m.mine && m.seq <= this.readUpTo);
    const items = messages.map((m) => {
      const item = m.automated
        ? this.automatedBubble(m.authorName, m.body, String(m.seq))
        : this.bubble(m.mine, m.mine ? "You" : m.authorName, m.body, String(m.seq));
      (m.attachments ?? []).forEach((a) => item.append(this.attachmentView(a.fileName, a.contentType, this.actions.attachmentUrl(a.url))));
      if (m === lastSeen) item.append(el("span", "crm-seen", "Seen"));
      return item;
    });
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

  /** The answer bot's message: marked as automated, its help-center paths made links that open in a new tab. */
  private automatedBubble(author: string, body: string, seq: string): HTMLElement {
    const item = this.bubble(false, `${author} · automated`, "", seq);
    item.classList.add("crm-automated");
    item.dataset.automated = "true";
    const text = item.querySelector(".crm-body")!;
    body.split(/(\/help\/[^\s]+)/).forEach((part) => {
      if (!part.startsWith("/help/")) {
        text.append(document.createTextNode(part));
        return;
      }
      const link = el("a", "crm-help-link", part) as HTMLAnchorElement;
      link.href = this.actions.helpUrl(part);
      link.target = "_blank";
      link.rel = "noopener";
      text.append(link);
    });
    return item;
  }

  private attachmentView(fileName: string, contentType: string, url: string): HTMLElement {
    if (contentType.startsWith("image/")) {
      const img = el("img", "crm-image");
      img.src = url;
      img.alt = fileName;
      return img;
    }
    const link = el("a", "crm-file", `📄 ${fileName}`);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener";
    return link;
  }

  private renderPendingFiles(): void {
    this.pendingFiles.replaceChildren(...this.attachments.map((a) => el("span", "crm-chip", `📎 ${a.fileName}`)));
    this.pendingFiles.classList.toggle("crm-hidden", this.attachments.length === 0);
  }

  /** "How did we do?": five buttons and an optional comment, shown once the conversation is resolved. */
  private buildRating(): HTMLElement {
    const box = el("div", "crm-rating crm-hidden");
    box.dataset.testid = "widget-rating";
    const comment = el("textarea");
    comment.rows = 2;
    comment.maxLength = 1000;
    comment.placeholder = "Anything we could do better? (optional)";
    comment.setAttribute("aria-label", "Comment (optional)");
    const scores = el("div", "crm-scores");
    for (let score = 1; score <= 5; score++) {
      const button = el("button", "crm-score", "★".repeat(score));
      button.type = "button";
      button.setAttribute("aria-label", `${score} out of 5`);
      button.dataset.testid = `widget-rate-${score}`;
      button.addEventListener("click", () =>
        this.actions.rate(score, comment.value).then(
          () => box.replaceChildren(el("p", undefined, "Thanks for your feedback!")),
          (e: Error) => this.showError(e.message.replace(/^.*HubException: /, ""))));
      scores.append(button);
    }
    box.append(el("p", undefined, "How did we do?"), scores, comment);
    return box;
  }

  private submit(): void {
    const body = this.input.value;
    if (!body.trim() && this.attachments.length === 0) return;
    const attachments = this.attachments;
    this.attachments = [];
    this.renderPendingFiles();
    this.input.value = "";
    this.showError("");
    this.actions.send(body, attachments);
  }
}
