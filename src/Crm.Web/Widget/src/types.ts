/** The server's visitor views (see Crm.Web/Visitors). */
export interface VisitorAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
}

/** An uploaded file, referred to by id and name (the server keeps the storage key). */
export interface AttachmentRef {
  id: string;
  fileName: string;
}

export interface VisitorMessage {
  seq: number;
  clientMessageId: string;
  mine: boolean;
  authorName: string;
  body: string;
  postedAt: string;
  attachments?: VisitorAttachment[] | null;
  /** The number of the visitor's previous message (0: none): the numbers in between are the team's, not a gap. */
  previousSeq?: number;
  /** Written by the answer bot, not a person: shown as automated. */
  automated?: boolean;
}

/** The conversation's status, how far the team has read, and whether to ask for a rating. */
export interface VisitorConversationState {
  status: string;
  readUpTo: number;
  canRate: boolean;
}

/** What the visitor missed, and the conversation's last sequence number (notes included, which the visitor never sees). */
export interface VisitorThread {
  messages: VisitorMessage[];
  lastSeq: number;
  state?: VisitorConversationState | null;
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
  attachments?: AttachmentRef[];
}

/** /api/widget/availability: only whether an agent can chat now. */
export interface AvailabilityResponse {
  agentsAvailable: boolean;
}

/** A published help-center article that may answer what the visitor is typing (/api/widget/articles). */
export interface ArticleSuggestion {
  title: string;
  url: string;
  passage: string;
}
