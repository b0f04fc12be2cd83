/** The server's visitor views (see Crm.Web/Visitors). */
export interface VisitorMessage {
  seq: number;
  clientMessageId: string;
  mine: boolean;
  authorName: string;
  body: string;
  postedAt: string;
}

/** What the visitor missed, and the conversation's last sequence number (notes included, which the visitor never sees). */
export interface VisitorThread {
  messages: VisitorMessage[];
  lastSeq: number;
}

export interface VisitorConversation {
  conversationId: string;
  subject: string;
  status: string;
  openedAt: string;
  lastSeq: number;
}

export interface SessionResponse {
  token: string;
  workspaceId: string;
  customerId: string;
  expiresAt: string;
}

/** A message typed by the visitor that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
}
