import type {
  InterviewMeta,
  InterviewPatch,
  InterviewStatus,
  NewInterview,
  NewTurn,
  TurnRecord,
} from '../core/interview/record.js';

/** A stored JSON value with its optimistic-concurrency tag. */
export interface StoreItem {
  value: unknown;
  eTag: string;
}

export interface KeyValueChange {
  key: string;
  value: unknown;
  /**
   * Absent or `*`: write unconditionally. Otherwise the write fails with `ConflictError` unless the
   * stored eTag matches; an item deleted (or erased) since it was read matches no eTag, so stale
   * state cannot bring erased data back.
   */
  eTag?: string;
  /**
   * Written only when nothing is stored under the key, else `ConflictError` (whatever `eTag` says): of
   * several processes claiming the same key at once, exactly one wins.
   */
  ifAbsent?: boolean;
}

/** The key-value half of the store: bot state (botbuilder `Storage` is implemented on it in src/bot). */
export interface KeyValueStore {
  read(keys: readonly string[]): Promise<Record<string, StoreItem>>;
  /** All changes in one transaction: either every change is written or none. */
  write(changes: readonly KeyValueChange[]): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}

export interface Invitation {
  code: string;
  interviewerId: string;
  /** Serialised conversation reference of the interviewer, for proactive delivery of the summary. */
  interviewerAddress: unknown;
  profile: 'manager' | 'expert';
  language: 'fr' | 'en';
  createdAt: string;
  interviewId: string | null;
}

/** A dashboard token as the store knows it (how long it lasts is the server's setting). */
export interface ApiTokenGrant {
  interviewerId: string;
  issuedAt: string;
}

export interface Interviewer {
  id: string;
  displayName: string | null;
  createdAt: string;
}

export interface NewInterviewer {
  id: string;
  /** Absent keeps the stored name (null for a new interviewer). */
  displayName?: string | null;
}

/** Options every store accepts; `now` lets tests control the clock (timestamps, retention). */
export interface StoreOptions {
  now?: () => Date;
}

export interface ListFilter {
  interviewerId?: string;
  status?: InterviewStatus;
  /** The interviews of one conversation (`InterviewMeta.conversationKey`), found through an index. */
  conversationKey?: string;
}

/**
 * Interview records and bot state. Every method resolves only once its writes are durable
 * (SQLite WAL with synchronous=FULL, or a committed PostgreSQL transaction).
 */
export interface InterviewStore {
  readonly kind: 'sqlite' | 'postgres' | 'memory';
  readonly kv: KeyValueStore;

  createInterview(input: NewInterview): Promise<InterviewMeta>;
  getInterview(id: string): Promise<InterviewMeta | null>;
  /** Newest first (by startedAt). */
  listInterviews(filter?: ListFilter): Promise<InterviewMeta[]>;
  /**
   * Throws `not_found` for an unknown id. Setting status `completed` without `completedAt` stamps it
   * with the current time, so retention can always purge completed interviews.
   */
  updateInterview(id: string, patch: InterviewPatch): Promise<InterviewMeta>;
  /** Appends turns (seq assigned densely) and applies `patch` in one transaction. */
  appendTurns(id: string, turns: readonly NewTurn[], patch?: InterviewPatch): Promise<TurnRecord[]>;
  getTurns(id: string): Promise<TurnRecord[]>;
  /** Removes the interview, its turns, its invitation link and any key-value entry naming it. */
  eraseInterview(id: string): Promise<boolean>;
  /**
   * Erases the interview as `eraseInterview` does, but in the same transaction returns the invitation that
   * opened it to unused (its code opens a new interview again, its `createdAt` kept); returns that invitation,
   * or null when the interview had none.
   */
  eraseInterviewAndReopenInvitation(id: string): Promise<Invitation | null>;
  /** Erases completed interviews whose completedAt is before `before`; returns how many. */
  purgeCompleted(before: Date): Promise<number>;
  /**
   * Erases interviews left unfinished (in progress or paused) whose last activity (`updatedAt`) is before
   * `before`; returns how many.
   */
  purgeUnfinished(before: Date): Promise<number>;

  /** Throws `conflict` when the code is taken. */
  createInvitation(invitation: Omit<Invitation, 'createdAt' | 'interviewId'>): Promise<Invitation>;
  getInvitation(code: string): Promise<Invitation | null>;
  /** Binds an invitation to the interview it opened; false when it was already used; `not_found` for an unknown code. */
  redeemInvitation(code: string, interviewId: string): Promise<boolean>;
  findInvitationByInterview(interviewId: string): Promise<Invitation | null>;
  /** The interviewer's invitations, used or not, newest first. */
  listInvitations(interviewerId: string): Promise<Invitation[]>;

  upsertInterviewer(input: NewInterviewer): Promise<Interviewer>;
  getInterviewer(id: string): Promise<Interviewer | null>;
  /** A new random bearer token for the interviewer (who must exist); only its SHA-256 is stored. */
  issueApiToken(interviewerId: string): Promise<string>;
  /** Whom a token was issued to, and when; null for an unknown or revoked token. */
  resolveApiToken(token: string): Promise<ApiTokenGrant | null>;
  /** Revokes every token of the interviewer; returns how many. */
  revokeApiTokens(interviewerId: string): Promise<number>;

  countInterviews(filter?: ListFilter): Promise<number>;

  close(): Promise<void>;
}
