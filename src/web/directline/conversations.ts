import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError, isAppError } from '../../errors.js';
import type { KeyValueStore } from '../../store/types.js';

/** Key-value prefix of a Direct Line conversation's owner record (`directline:<conversation id>`). */
export const DIRECTLINE_KEY_PREFIX = 'directline:';
const TOKEN_PREFIX = 'dl1';
/** A conversation's transcript is kept in memory up to this many activities (the oldest go first). */
export const MAX_TRANSCRIPT = 1000;
/** Transcripts held in memory at once; the least recently used is dropped beyond it (its owner record stays). */
export const MAX_TRANSCRIPTS = 500;

const ConversationRecord = z.object({
  userId: z.string().min(1),
  tokenHash: z.string().length(64),
  createdAt: z.string(),
});
type ConversationRecord = z.infer<typeof ConversationRecord>;

/** An activity as served to Web Chat: plain JSON. */
export type ServedActivity = Record<string, unknown> & { id: string };

export interface ConversationGrant {
  conversationId: string;
  userId: string;
  token: string;
}

interface Transcript {
  /**
   * Random per transcript, in its ids and watermarks: a page holding a watermark of a transcript since
   * dropped (server restarted, erased, or pushed out of memory) is served the new one from its start, and
   * no new id repeats one the page already shows.
   */
  epoch: string;
  activities: ServedActivity[];
  /** Activities dropped from the front (cap), so watermarks stay stable. */
  dropped: number;
  nextSeq: number;
  /** The interviews the transcript may show words of, each with its mark in the store (see `noteInterviews`). */
  interviews: Set<string>;
}

/**
 * A mark in the key-value store that a web chat transcript shows an interview. Its value names the
 * interview, so erasing the interview deletes it, whichever process or command erases it.
 */
function shownKey(conversationId: string, interviewId: string): string {
  return `${DIRECTLINE_KEY_PREFIX}${conversationId}:shows:${interviewId}`;
}

/**
 * What was said to a conversation from outside its turns (an interviewer's summary), kept in the store until
 * its page next polls, whichever server sharing the store it polls: the index of what waits (naming no
 * interview, so an erasure leaves it), and each message set under its own key, naming the interviews it shows
 * words of (so erasing one of them deletes it, and it is never shown).
 */
function queuedIndexKey(conversationId: string): string {
  return `${DIRECTLINE_KEY_PREFIX}${conversationId}:queued`;
}

function queuedKey(conversationId: string, queuedId: string): string {
  return `${queuedIndexKey(conversationId)}:${queuedId}`;
}

const QueuedIndex = z.object({ ids: z.array(z.string()) });
const Queued = z.object({
  interviews: z.array(z.string()),
  activities: z.array(z.record(z.string(), z.unknown())),
});
/** Tries at adding to the index while other servers add to it too. */
const QUEUE_ATTEMPTS = 5;

const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Direct Line conversations we issue: who owns each (persisted, so a page reload or a restart resumes it)
 * and what was said (in memory, served to Web Chat by watermark).
 */
export class DirectLineConversations {
  readonly #kv: KeyValueStore;
  readonly #transcripts = new Map<string, Transcript>();
  readonly #now: () => Date;

  constructor(kv: KeyValueStore, now: () => Date = () => new Date()) {
    this.#kv = kv;
    this.#now = now;
  }

  /** A new conversation owned by a new anonymous user; the token is the only way back into it. */
  async create(): Promise<ConversationGrant> {
    const conversationId = randomUUID().replaceAll('-', '');
    const userId = `dl_${randomBytes(12).toString('base64url')}`;
    const secret = randomBytes(32).toString('base64url');
    const record: ConversationRecord = {
      userId,
      tokenHash: hashSecret(secret),
      createdAt: this.#now().toISOString(),
    };
    await this.#kv.write([{ key: DIRECTLINE_KEY_PREFIX + conversationId, value: record }]);
    return { conversationId, userId, token: `${TOKEN_PREFIX}.${conversationId}.${secret}` };
  }

  /** The grant a bearer token stands for; `unauthorized` for anything else, without saying why. */
  async authenticate(authorization: string | undefined): Promise<ConversationGrant> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    const [prefix, conversationId, secret, extra] = token?.split('.') ?? [];
    if (!token || prefix !== TOKEN_PREFIX || !conversationId || !secret || extra !== undefined) {
      throw new AppError('unauthorized', 'a Direct Line token is required (Authorization: Bearer <token>)');
    }
    const record = await this.#owner(conversationId);
    const given = Buffer.from(hashSecret(secret), 'hex');
    const stored = Buffer.from(record?.tokenHash ?? '', 'hex');
    if (!record || given.length !== stored.length || !timingSafeEqual(given, stored)) {
      throw new AppError('unauthorized', 'unknown or revoked Direct Line token');
    }
    return { conversationId, userId: record.userId, token };
  }

  async #owner(conversationId: string): Promise<ConversationRecord | null> {
    const key = DIRECTLINE_KEY_PREFIX + conversationId;
    const item = (await this.#kv.read([key]))[key];
    const parsed = ConversationRecord.safeParse(item?.value);
    return parsed.success ? parsed.data : null;
  }

  async exists(conversationId: string): Promise<boolean> {
    return (await this.#owner(conversationId)) !== null;
  }

  /** Appends activities, giving each its id and timestamp; returns the ids. */
  append(conversationId: string, activities: readonly Record<string, unknown>[]): string[] {
    const transcript = this.#transcript(conversationId);
    const ids: string[] = [];
    for (const activity of activities) {
      const id = `${conversationId}|${transcript.epoch}-${String(transcript.nextSeq++).padStart(7, '0')}`;
      // A message shown again keeps the time it was first said.
      const timestamp =
        typeof activity.timestamp === 'string' ? activity.timestamp : this.#now().toISOString();
      transcript.activities.push({ ...activity, id, timestamp });
      ids.push(id);
    }
    const excess = transcript.activities.length - MAX_TRANSCRIPT;
    if (excess > 0) {
      transcript.activities.splice(0, excess);
      transcript.dropped += excess;
    }
    return ids;
  }

  /** Replaces an activity the bot updated (e.g. a card it refreshed); false when it is no longer held. */
  replace(conversationId: string, activity: ServedActivity): boolean {
    const transcript = this.#transcript(conversationId);
    const index = transcript.activities.findIndex((held) => held.id === activity.id);
    if (index < 0) return false;
    transcript.activities[index] = activity;
    return true;
  }

  /**
   * The id given to a message the page posted before with this `clientActivityID` (Web Chat's retry of a message
   * whose reply it did not see), or null: the message is not run twice.
   */
  postedBefore(conversationId: string, clientActivityId: string): string | null {
    const held = this.#transcripts.get(conversationId)?.activities ?? [];
    const posted = held.find(
      (activity) =>
        typeof activity.channelData === 'object' &&
        activity.channelData !== null &&
        'clientActivityID' in activity.channelData &&
        activity.channelData.clientActivityID === clientActivityId,
    );
    return posted?.id ?? null;
  }

  /** What Web Chat has not seen yet, and the watermark to ask from next time. */
  since(
    conversationId: string,
    watermark: string | undefined,
  ): { activities: ServedActivity[]; watermark: string } {
    const transcript = this.#transcript(conversationId);
    const match = /^([0-9a-f]+)-(\d+)$/.exec(watermark ?? '');
    const seen = match?.[1] === transcript.epoch ? Number(match[2]) : 0;
    const start = Math.max(0, seen - transcript.dropped);
    const total = transcript.dropped + transcript.activities.length;
    return { activities: transcript.activities.slice(start), watermark: `${transcript.epoch}-${total}` };
  }

  /**
   * Starts holding a transcript for a conversation this process holds none for (it restarted, or dropped
   * the transcript from memory); false when one is held already. What it showed before is not in it.
   */
  startTranscriptIfNone(conversationId: string): boolean {
    if (this.#transcripts.has(conversationId)) return false;
    this.#transcript(conversationId);
    return true;
  }

  /**
   * Records that the transcript shows these interviews (read in a turn of the conversation): their marks
   * are written once per transcript, so a turn about an interview already marked writes nothing.
   */
  async noteInterviews(conversationId: string, interviewIds: Iterable<string>): Promise<void> {
    const transcript = this.#transcripts.get(conversationId);
    if (!transcript) return;
    const added = [...interviewIds].filter((id) => !transcript.interviews.has(id));
    if (added.length === 0) return;
    await this.#kv.write(
      added.map((interviewId) => ({ key: shownKey(conversationId, interviewId), value: { interviewId } })),
    );
    for (const id of added) transcript.interviews.add(id);
  }

  /**
   * Drops the transcript when an interview it shows was erased since, by this process or another (the
   * `erase` command, another server on the same database, retention): its mark is gone from the store.
   * One read of the marks per poll, none for a transcript that shows no interview.
   */
  async forgetIfErased(conversationId: string): Promise<void> {
    const transcript = this.#transcripts.get(conversationId);
    if (!transcript || transcript.interviews.size === 0) return;
    const keys = [...transcript.interviews].map((id) => shownKey(conversationId, id));
    const marks = await this.#kv.read(keys);
    if (keys.some((key) => marks[key] === undefined)) this.forgetTranscript(conversationId);
  }

  /**
   * Keeps activities said to a conversation from outside its turns in the store, for its page's next poll
   * (`showQueued`); `interviews` are those they show words of.
   */
  async queue(
    conversationId: string,
    activities: readonly Record<string, unknown>[],
    interviews: readonly string[],
  ): Promise<void> {
    const queuedId = randomUUID();
    const indexKey = queuedIndexKey(conversationId);
    const queued: z.infer<typeof Queued> = { interviews: [...interviews], activities: [...activities] };
    for (let attempt = 1; ; attempt += 1) {
      const index = (await this.#kv.read([indexKey]))[indexKey];
      const ids = [...queuedIds(index?.value), queuedId];
      try {
        await this.#kv.write([
          { key: queuedKey(conversationId, queuedId), value: queued },
          index
            ? { key: indexKey, value: { ids }, eTag: index.eTag }
            : { key: indexKey, value: { ids }, ifAbsent: true },
        ]);
        return;
      } catch (error) {
        if (!(isAppError(error) && error.code === 'conflict') || attempt >= QUEUE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Appends to the transcript what was queued for the conversation (in the order it was queued), once: the
   * index is emptied first, so of two polls at once on two servers only one shows it (the other finds the
   * index changed and leaves it to the next poll). One read per poll while nothing waits.
   */
  async showQueued(conversationId: string): Promise<void> {
    const indexKey = queuedIndexKey(conversationId);
    const index = (await this.#kv.read([indexKey]))[indexKey];
    const ids = queuedIds(index?.value);
    if (!index || ids.length === 0) return;
    const keys = ids.map((id) => queuedKey(conversationId, id));
    const found = await this.#kv.read(keys);
    try {
      await this.#kv.write([{ key: indexKey, value: { ids: [] }, eTag: index.eTag }]);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return;
      throw error;
    }
    await this.#kv.delete(keys);
    const interviews: string[] = [];
    for (const key of keys) {
      // Absent: an interview it showed was erased since.
      const queued = Queued.safeParse(found[key]?.value);
      if (!queued.success) continue;
      this.append(conversationId, queued.data.activities);
      interviews.push(...queued.data.interviews);
    }
    await this.noteInterviews(conversationId, interviews);
  }

  /** Drops what was said in a conversation (its owner record stays, so the user can go on). */
  forgetTranscript(conversationId: string): void {
    this.#transcripts.delete(conversationId);
  }

  #transcript(conversationId: string): Transcript {
    let transcript = this.#transcripts.get(conversationId);
    if (transcript) {
      // Re-inserting keeps the Map in least-recently-used order.
      this.#transcripts.delete(conversationId);
    } else {
      transcript = {
        epoch: randomBytes(4).toString('hex'),
        activities: [],
        dropped: 0,
        nextSeq: 1,
        interviews: new Set(),
      };
    }
    this.#transcripts.set(conversationId, transcript);
    if (this.#transcripts.size > MAX_TRANSCRIPTS) {
      const oldest = this.#transcripts.keys().next().value;
      if (oldest !== undefined) this.#transcripts.delete(oldest);
    }
    return transcript;
  }
}

/** The ids an index of queued activities holds (none for a missing or unreadable one). */
function queuedIds(value: unknown): string[] {
  const index = QueuedIndex.safeParse(value);
  return index.success ? index.data.ids : [];
}
