import type { Activity } from 'botbuilder';
import { ConflictError } from '../errors.js';

/** The conversation-state property the memory is kept under. */
export const DELIVERIES_PROPERTY = 'deliveries';

/**
 * What a conversation remembers of the messages it was delivered, kept in its bot state (so it lasts as long
 * as the conversation's state, is shared by every server on the same store, and goes with it on erasure):
 * the ids of the latest messages, and for the latest few the replies they got, to answer a redelivery.
 */
export interface DeliveryMemory {
  /** Activity ids of the latest messages processed, oldest first. */
  seen: string[];
  /** Replies of the latest messages that keep theirs (an `expectReplies` turn, or one that failed), oldest first. */
  replies: RememberedReplies[];
}

export interface RememberedReplies {
  id: string;
  activities: Partial<Activity>[];
  /** The turn failed after it began to reply: the replies may not have reached the person. */
  failed?: boolean;
  /**
   * When (ms since the epoch) the message's turn first recorded something, its replies still to come: set in
   * the state as the turn takes the conversation on (`withDeliveryClaimed`), replaced by the replies at its end.
   */
  pendingSince?: number;
}

/** Marks of a remembered delivery beyond its replies. */
export interface DeliveryMarks {
  failed?: boolean;
  pendingSince?: number;
}

/** Channels redeliver within minutes: far more ids than that are kept, and a bounded number. */
export const MAX_SEEN_IDS = 16;
/**
 * Replies are kept for the latest message only, and only while small: a channel redelivers the message it got
 * no answer to, before the next is sent; the state holding them is read and written every turn.
 */
export const MAX_REMEMBERED_REPLIES = 1;
export const MAX_REMEMBERED_REPLY_CHARS = 32_000;
/** An activity id longer than this is not remembered (channels' ids are far shorter). */
const MAX_ID_LENGTH = 256;

/** The fields of a reply that say what the person sees; the rest (ids, timestamps, addresses) is the turn's own. */
const REPLY_FIELDS = [
  'type',
  'text',
  'textFormat',
  'attachments',
  'attachmentLayout',
  'suggestedActions',
  'inputHint',
  'speak',
  'entities',
] as const;

/** The memory kept in bot state, read defensively (a state written by an older version or by hand). */
export function readMemory(value: unknown): DeliveryMemory {
  const memory: DeliveryMemory = { seen: [], replies: [] };
  if (typeof value !== 'object' || value === null) return memory;
  if ('seen' in value && Array.isArray(value.seen))
    memory.seen = value.seen.filter((id): id is string => typeof id === 'string').slice(-MAX_SEEN_IDS);
  if ('replies' in value && Array.isArray(value.replies)) {
    memory.replies = value.replies
      .filter(
        (entry): entry is RememberedReplies =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof entry.id === 'string' &&
          Array.isArray(entry.activities) &&
          (entry.pendingSince === undefined || typeof entry.pendingSince === 'number'),
      )
      .slice(-MAX_REMEMBERED_REPLIES);
  }
  return memory;
}

/** The id a delivery is known by, or null when it carries none worth remembering. */
export function deliveryId(activity: Partial<Activity>): string | null {
  const id = activity.id;
  return typeof id === 'string' && id !== '' && id.length <= MAX_ID_LENGTH ? id : null;
}

export function hasSeen(memory: DeliveryMemory, id: string): boolean {
  return memory.seen.includes(id);
}

export function repliesTo(memory: DeliveryMemory, id: string): RememberedReplies | null {
  return memory.replies.find((entry) => entry.id === id) ?? null;
}

/** A reply as it can be sent again: what the person sees, as plain JSON. */
export function replyToRemember(activity: Partial<Activity>): Partial<Activity> {
  const kept: Record<string, unknown> = {};
  for (const field of REPLY_FIELDS) if (activity[field] !== undefined) kept[field] = activity[field];
  return JSON.parse(JSON.stringify(kept));
}

/**
 * Notes a message as processed, with its replies when they are to be given again to a redelivery; the oldest
 * ids and replies go once the bounds are reached. Replies too large to keep in state are not kept.
 */
export function remember(
  memory: DeliveryMemory,
  id: string,
  replies: readonly Partial<Activity>[] | null,
  { failed = false, pendingSince }: DeliveryMarks = {},
): void {
  memory.seen = [...memory.seen.filter((seen) => seen !== id), id].slice(-MAX_SEEN_IDS);
  const others = memory.replies.filter((entry) => entry.id !== id);
  const size = replies === null ? 0 : JSON.stringify(replies).length;
  const entry: RememberedReplies = {
    id,
    activities: [...(replies ?? [])],
    ...(failed ? { failed: true } : {}),
    ...(pendingSince === undefined ? {} : { pendingSince }),
  };
  memory.replies =
    replies === null || size > MAX_REMEMBERED_REPLY_CHARS
      ? others
      : [...others, entry].slice(-MAX_REMEMBERED_REPLIES);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The conversation state (as stored) with the message `id` marked as processed: what a turn writes as it
 * first records anything (store/turn-scope.ts `claim`), so that the same message delivered again meanwhile,
 * to this server or another, is answered as a redelivery instead of being run again on what the first
 * recorded. A turn whose channel expects its replies marks them as to come (`pendingSince`).
 */
export function withDeliveryClaimed(
  state: unknown,
  id: string,
  expectsReplies: boolean,
  at: number,
): Record<string, unknown> {
  const claimed = isRecord(state) ? { ...state } : {};
  const memory = readMemory(claimed[DELIVERIES_PROPERTY]);
  remember(memory, id, expectsReplies ? [] : null, expectsReplies ? { pendingSince: at } : {});
  claimed[DELIVERIES_PROPERTY] = memory;
  return claimed;
}

/**
 * A redelivery whose first delivery is still being answered (on this server or another): its replies are not
 * known yet. Nothing was recorded for it; the channel sends it again.
 */
export class FirstDeliveryUnfinished extends ConflictError {
  constructor() {
    super("this message's first delivery is still being answered; send it again shortly");
    this.name = 'FirstDeliveryUnfinished';
  }
}
