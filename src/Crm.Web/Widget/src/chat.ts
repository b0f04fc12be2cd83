import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { newGuid, newId } from "./ids";
import { Store, SavedState } from "./store";
import type { ArticleSuggestion, AttachmentRef, AvailabilityResponse, SessionResponse, VisitorConversation, VisitorConversationState, VisitorMessage, VisitorThread } from "./types";

export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "offline";

export interface ChatEvents {
  onMessages(messages: VisitorMessage[], pending: { clientMessageId: string; body: string }[]): void;
  onStatus(status: ConnectionStatus): void;
  onError(message: string): void;
  onAgentsTyping(names: string[]): void;
  onState(state: VisitorConversationState): void;
  /** Whether an agent can chat now (false: the message still lands, and the team replies by email). */
  onAvailability(available: boolean): void;
  /** How many of the team's messages arrived while the panel was closed (0 once the visitor opens it). */
  onUnread(count: number): void;
}

const heartbeatEveryMs = 5_000;
const typingThrottleMs = 2_000;
const sessionTimeoutMs = 15_000;

/**
 * The widget's connection to its conversation. Messages are kept by sequence number: a repeated push is dropped and
 * a push that skips a number triggers a gap-fill, so the visitor sees exactly the committed thread. Sending keeps the
 * message in a persisted outbox until the server acknowledges it, and resends with the same client id.
 */
export class ChatClient {
  private readonly messages = new Map<number, VisitorMessage>();
  private readonly store: Store;
  private state: SavedState;
  private connection?: HubConnection;
  private flushing = false;
  private sessionChecked = false;
  private sessionRequest?: Promise<void>;
  /** The highest sequence number seen, including internal entries the visitor never sees. */
  private cursor = 0;
  private heartbeat?: number;
  private typingSentAt = 0;
  private starting = false;
  private agentsTyping: string[] = [];
  /** Whether the panel is open: what arrives then is seen at once and never counts as unread. */
  private visible = false;

  constructor(
    private readonly baseUrl: string,
    private readonly workspaceId: string,
    private readonly events: ChatEvents,
    private readonly queueId: string | null = null,
  ) {
    this.store = new Store(workspaceId);
    this.state = this.store.load();
  }

  get hasConversation(): boolean {
    return !!this.state.conversationId;
  }

  get visitorName(): string | undefined {
    return this.state.name;
  }

  /** The unread count saved by the last page view, shown until the thread is read again after connecting. */
  get unread(): number {
    return this.state.unread ?? 0;
  }

  /** The panel opened or closed: opening marks everything received so far as seen. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.countUnread();
  }

  /** Published articles for a question typed before the chat (no session needed); none when the server has none. */
  async suggestArticles(question: string): Promise<ArticleSuggestion[]> {
    const query = `workspaceId=${encodeURIComponent(this.workspaceId)}&q=${encodeURIComponent(question)}`;
    const response = await fetch(`${this.baseUrl}/api/widget/articles?${query}`);
    return response.ok ? ((await response.json()) as ArticleSuggestion[]) : [];
  }

  /** Asks once, without a session, whether an agent is available (before the visitor even opens the panel). */
  async checkAvailability(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/widget/availability?workspaceId=${encodeURIComponent(this.workspaceId)}`);
    if (!response.ok) return;
    const body = (await response.json()) as AvailabilityResponse;
    this.events.onAvailability(body.agentsAvailable);
  }

  /** Opens the live channel before any chat, so availability changes arrive as they happen. */
  async watch(): Promise<void> {
    await this.connect();
  }

  /** Resumes a returning visitor's conversation, if there is one. */
  async resume(): Promise<void> {
    if (!this.state.conversationId) return;
    await this.connect();
  }

  /** Starts the chat (idempotent: the conversation id is chosen and saved before the first try). */
  async start(name: string, email: string): Promise<void> {
    // Until the conversation exists, nothing is sent and the widget does not claim to be online.
    this.starting = true;
    this.events.onStatus("connecting");
    try {
      this.state.name = name.trim() || undefined;
      this.state.email = email.trim() || undefined;
      await this.ensureSession();
      this.state.conversationId = this.state.conversationId ?? newId("c");
      this.persist();
      // Already connected to watch availability: start the conversation on this connection.
      if (this.connection?.state === HubConnectionState.Connected) await this.afterConnected();
      else await this.connect();
    } finally {
      this.starting = false;
    }
    await this.flush();
  }

  /** Absolute, authorised address of an attachment (images load it directly, so the token rides in the query). */
  attachmentUrl(url: string): string {
    return `${this.baseUrl}${url}${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(this.state.token ?? "")}`;
  }

  /** Absolute address of a help-center page the answer bot links to (its messages name them by path). */
  helpUrl(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** Uploads a file (checked by the server for type, size and content) and returns how to refer to it. */
  async upload(file: File): Promise<AttachmentRef> {
    await this.ensureSession();
    const form = new FormData();
    form.append("file", file);
    const response = await fetch(`${this.baseUrl}/api/widget/attachments`, {
      method: "POST",
      headers: { Authorization: `Bearer ${this.state.token ?? ""}` },
      body: form,
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new Error(problem?.detail ?? `The file could not be uploaded (${response.status}).`);
    }
    return (await response.json()) as AttachmentRef;
  }

  async rate(score: number, comment: string): Promise<void> {
    if (!this.connection || !this.state.conversationId) return;
    const state = await this.connection.invoke<VisitorConversationState>("Rate", this.state.conversationId, score, comment.trim() || null);
    this.events.onState(state);
  }

  async send(body: string, attachments: AttachmentRef[] = []): Promise<void> {
    const text = body.trim();
    if (!text && attachments.length === 0) return;
    this.state.outbox.push({ clientMessageId: newGuid(), body: text, attachments });
    this.persist();
    this.render();
    await this.flush();
  }

  private async connect(): Promise<void> {
    await this.ensureSession();
    if (this.connection) return;
    this.events.onStatus("connecting");
    const connection = new HubConnectionBuilder()
      .withUrl(`${this.baseUrl}/hubs/widget`, { accessTokenFactory: () => this.state.token ?? "", withCredentials: false })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30_000, 500 * 2 ** ctx.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    connection.on("MessagePosted", (conversationId: string, message: VisitorMessage) => this.onPushed(conversationId, message));
    connection.on("ConversationUpdated", (conversationId: string, state: VisitorConversationState) => {
      if (conversationId === this.state.conversationId) this.events.onState(state);
    });
    connection.on("AgentsTyping", (conversationId: string, names: string[]) => {
      if (conversationId !== this.state.conversationId) return;
      this.agentsTyping = names;
      this.events.onAgentsTyping(names);
    });
    connection.on("AvailabilityChanged", (available: boolean) => this.events.onAvailability(available));
    connection.onreconnecting(() => this.events.onStatus("reconnecting"));
    connection.onreconnected(() => this.afterConnected());
    connection.onclose(() => {
      this.events.onStatus("offline");
      this.connection = undefined;
      window.setTimeout(() => this.connect().catch(() => undefined), 5_000);
    });
    this.connection = connection;
    await this.startWithRetry(connection);
  }

  private async startWithRetry(connection: HubConnection): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.start();
        await this.afterConnected();
        return;
      } catch {
        this.events.onStatus("offline");
        await new Promise((r) => window.setTimeout(r, Math.min(30_000, 1_000 * 2 ** attempt)));
      }
    }
  }

  /** On every (re)connection: open or rejoin the conversation, fetch what was missed, resend the outbox. */
  private async afterConnected(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    // The server joined this connection to the workspace's group on connect, so no change is missed after this read.
    this.events.onAvailability(await connection.invoke<boolean>("GetAvailability"));
    if (!this.state.conversationId) {
      this.events.onStatus("online");
      return;
    }
    await connection.invoke<VisitorConversation>("StartConversation", {
      conversationId: this.state.conversationId,
      name: this.state.name ?? null,
      email: this.state.email ?? null,
      queueId: this.queueId,
    });
    await this.gapFill();
    this.events.onStatus("online");
    this.startHeartbeat();
    await this.flush();
  }

  /** Tells the team the visitor is typing; throttled, and the server lets it lapse when the keystrokes stop. */
  typing(): void {
    const now = Date.now();
    if (now - this.typingSentAt < typingThrottleMs) return;
    this.typingSentAt = now;
    this.invokeQuietly("Typing", this.state.conversationId, true);
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) return;
    this.invokeQuietly("Heartbeat", this.state.conversationId);
    this.heartbeat = window.setInterval(() => this.invokeQuietly("Heartbeat", this.state.conversationId), heartbeatEveryMs);
  }

  /** Presence is best effort: a missed heartbeat or typing signal only shortens a lease. */
  private invokeQuietly(method: string, ...args: unknown[]): void {
    const connection = this.connection;
    if (!connection || connection.state !== HubConnectionState.Connected || !this.state.conversationId) return;
    connection.invoke(method, ...args).catch(() => undefined);
  }

  private async gapFill(): Promise<void> {
    if (!this.connection || !this.state.conversationId) return;
    const missed = await this.connection.invoke<VisitorThread>("JoinConversation", this.state.conversationId, this.cursor);
    missed.messages.forEach((m) => this.accept(m));
    this.cursor = Math.max(this.cursor, missed.lastSeq);
    if (missed.state) this.events.onState(missed.state);
    this.render();
  }

  private onPushed(conversationId: string, message: VisitorMessage): void {
    if (conversationId !== this.state.conversationId || message.seq <= this.cursor) return;
    // An agent's reply ends their typing: no separate "stopped typing" push follows every message.
    if (!message.mine && this.agentsTyping.includes(message.authorName)) {
      this.agentsTyping = this.agentsTyping.filter((n) => n !== message.authorName);
      this.events.onAgentsTyping(this.agentsTyping);
    }
    if (this.follows(message)) {
      this.accept(message);
      this.render();
    } else {
      this.gapFill().catch(() => undefined);
    }
  }

  /** Whether nothing the visitor may see lies between the cursor and this message (the numbers between are the team's). */
  private follows(message: VisitorMessage): boolean {
    if (message.seq <= this.cursor) return false;
    return message.seq === this.cursor + 1 || (message.previousSeq !== undefined && message.previousSeq <= this.cursor);
  }

  /** Takes a message the server committed; the cursor moves only over a contiguous run, the rest comes by gap-fill. */
  private accept(message: VisitorMessage): void {
    this.messages.set(message.seq, message);
    if (this.follows(message)) this.cursor = message.seq;
    // An acknowledged message leaves the outbox, whichever way the acknowledgement arrived.
    const before = this.state.outbox.length;
    this.state.outbox = this.state.outbox.filter((p) => p.clientMessageId !== message.clientMessageId);
    if (this.state.outbox.length !== before) this.persist();
  }

  private async flush(): Promise<void> {
    const connection = this.connection;
    if (this.flushing || this.starting || !connection || connection.state !== HubConnectionState.Connected || !this.state.conversationId) return;
    this.flushing = true;
    try {
      while (this.state.outbox.length > 0) {
        const next = this.state.outbox[0];
        try {
          const ack = next.attachments?.length
            ? await connection.invoke<VisitorMessage>(
                "SendMessageWithAttachments", this.state.conversationId, next.clientMessageId, next.body, this.state.name ?? null, next.attachments)
            : await connection.invoke<VisitorMessage>("SendMessage", this.state.conversationId, next.clientMessageId, next.body, this.state.name ?? null);
          this.accept(ack);
          // No "stopped typing" call: the message itself tells agents, and the next keystroke may renew at once.
          this.typingSentAt = 0;
          if (ack.seq > this.cursor) await this.gapFill();
          this.render();
        } catch (e) {
          if (connection.state !== HubConnectionState.Connected) return; // kept; resent after reconnecting
          // Refused by the server (empty, too long…): drop it and say why, rather than retrying forever.
          this.state.outbox.shift();
          this.persist();
          this.render();
          this.events.onError(e instanceof Error ? e.message.replace(/^.*HubException: /, "") : "The message was refused.");
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * One session request at a time. Opening the panel connects (to watch availability) and starting the chat asks
   * for a session too: two requests without a token made two visitors, and the later answer wiped the conversation
   * the first had just chosen, so the visitor's message waited in the outbox for a conversation that never came.
   */
  private ensureSession(): Promise<void> {
    if (this.sessionChecked) return Promise.resolve();
    this.sessionRequest ??= this.openSession().finally(() => (this.sessionRequest = undefined));
    return this.sessionRequest;
  }

  private async openSession(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/widget/sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ workspaceId: this.workspaceId, token: this.state.token ?? null }),
      // Every caller waits on this one request: one that hangs must fail, so the next attempt can ask again.
      signal: typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(sessionTimeoutMs) : undefined,
    });
    if (!response.ok) throw new Error(`The chat is unavailable (${response.status}).`);
    const session = (await response.json()) as SessionResponse;
    if (session.customerId !== this.state.customerId) {
      // A new visitor (first visit, or the old token expired): the old conversation is not theirs any more.
      this.state.conversationId = this.state.customerId ? undefined : this.state.conversationId;
      this.messages.clear();
      this.cursor = 0;
      this.state.seenSeq = undefined;
      this.state.unread = undefined;
    }
    this.state.token = session.token;
    this.state.customerId = session.customerId;
    this.sessionChecked = true;
    this.persist();
  }

  private render(): void {
    const pending = this.state.outbox.filter((p) => !Array.from(this.messages.values()).some((m) => m.clientMessageId === p.clientMessageId));
    this.events.onMessages(Array.from(this.messages.values()).sort((a, b) => a.seq - b.seq), pending);
    this.countUnread();
  }

  /**
   * Team messages after the last one the visitor had in front of them. While the panel is open everything received is
   * seen; the position and the count are saved, so a reload keeps the badge until the visitor opens the chat.
   */
  private countUnread(): void {
    if (this.messages.size === 0 && !this.visible) return; // nothing loaded yet: keep the saved count
    const seen = this.state.seenSeq ?? 0;
    let latest = seen;
    let unread = 0;
    this.messages.forEach((m) => {
      latest = Math.max(latest, m.seq);
      if (!m.mine && m.seq > seen) unread++;
    });
    if (this.visible) {
      unread = 0;
      this.state.seenSeq = latest;
    }
    if (unread !== (this.state.unread ?? 0) || this.state.seenSeq !== seen) {
      this.state.unread = unread;
      this.persist();
    }
    this.events.onUnread(unread);
  }

  private persist(): void {
    this.store.save(this.state);
  }
}
