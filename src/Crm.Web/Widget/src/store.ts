import type { PendingMessage } from "./types";

/**
 * What the widget keeps in localStorage per workspace, so a reload or a return visit resumes the same visitor and
 * conversation, and unsent messages are retried with the same client ids (never posted twice).
 */
export interface SavedState {
  token?: string;
  customerId?: string;
  name?: string;
  email?: string;
  conversationId?: string;
  outbox: PendingMessage[];
  /** The highest sequence number the visitor has had in front of them (panel open): team messages after it are unread. */
  seenSeq?: number;
  /** The team's messages the visitor has not seen, kept so a reload shows the launcher's badge before reconnecting. */
  unread?: number;
}

export class Store {
  private readonly key: string;

  constructor(workspaceId: string) {
    this.key = `crm-widget:${workspaceId}`;
  }

  load(): SavedState {
    try {
      const raw = localStorage.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as SavedState) : null;
      return parsed && Array.isArray(parsed.outbox) ? parsed : { outbox: [] };
    } catch {
      return { outbox: [] };
    }
  }

  save(state: SavedState): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(state));
    } catch {
      // Private mode or a full quota: the chat still works for this page view.
    }
  }
}
