import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { AppError, ConflictError } from '../errors.js';
import type { KeyValueStore } from './types.js';

/**
 * Key-value prefix of the record saying which terminal chat runs an interview (`terminal-hold:<id>`). The
 * record names the interview, so erasing the interview erases it too.
 */
const HOLD_KEY_PREFIX = 'terminal-hold:';
/** A hold not renewed for this long is over: its chat was suspended or cut off from the store. */
export const HOLD_LAPSE_MS = 60_000;
const RENEW_EVERY_MS = HOLD_LAPSE_MS / 4;

const HoldRecord = z.object({
  interviewId: z.string(),
  holder: z.string(),
  host: z.string(),
  pid: z.number().int(),
  renewedAt: z.string(),
});
type HoldRecord = z.infer<typeof HoldRecord>;

export interface HoldClock {
  now: () => Date;
  /** Whether a process of this host still runs: a chat killed outright frees its interview at once. */
  isRunning: (pid: number) => boolean;
}

export const systemHoldClock: HoldClock = {
  now: () => new Date(),
  isRunning: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to someone else.
      return error instanceof Error && 'code' in error && error.code === 'EPERM';
    }
  },
};

const LOCAL_HOST = hostname();

/** True while `record` keeps its interview from every chat but its own. */
function holdIsLive(record: HoldRecord, clock: HoldClock): boolean {
  if (Date.parse(record.renewedAt) + HOLD_LAPSE_MS <= clock.now().getTime()) return false;
  return record.host !== LOCAL_HOST || clock.isRunning(record.pid);
}

/** The stored hold of `interviewId` (its eTag, for a claim), and its record when it reads as one. */
async function readHold(kv: KeyValueStore, interviewId: string) {
  const key = HOLD_KEY_PREFIX + interviewId;
  const item = (await kv.read([key]))[key];
  const parsed = HoldRecord.safeParse(item?.value);
  return { key, eTag: item?.eTag ?? null, record: parsed.success ? parsed.data : null };
}

/** The live hold of someone other than `holder` (null: anyone) in `record`, if it is one. */
function otherLiveHold(
  record: HoldRecord | null,
  holder: string | null,
  clock: HoldClock,
): HoldRecord | null {
  return record !== null && record.holder !== holder && holdIsLive(record, clock) ? record : null;
}

/**
 * Whether a terminal chat other than `holder` holds `interviewId` now: what every front door asks before it
 * records anything in an interview (null `holder`: a front door that never holds one, such as Teams or the
 * web chat).
 */
export async function isHeldByAnother(
  kv: KeyValueStore,
  interviewId: string,
  holder: string | null,
  clock: HoldClock = systemHoldClock,
): Promise<boolean> {
  return otherLiveHold((await readHold(kv, interviewId)).record, holder, clock) !== null;
}

/**
 * What keeps two terminal chats from answering the same interview at once: the chat holds the interview
 * it runs (taken atomically through the store's eTags, renewed while it runs, released at its end), and
 * a second chat is refused while the first holds it. Works across machines sharing a PostgreSQL store.
 * The other front doors ask `isHeldByAnother` and record nothing in an interview a chat holds.
 */
export class InterviewHold {
  readonly #kv: KeyValueStore;
  readonly #clock: HoldClock;
  readonly #holder = randomUUID();
  #interviewId: string | null = null;
  #timer: NodeJS.Timeout | null = null;
  #lost = false;

  constructor(kv: KeyValueStore, clock: HoldClock = systemHoldClock) {
    this.#kv = kv;
    this.#clock = clock;
  }

  /** Holds `interviewId` (letting go of any other); `conflict` naming the other chat while it holds it. */
  async take(interviewId: string): Promise<void> {
    if (this.#interviewId === interviewId) return;
    await this.release();
    // A claim lost to a chat that was just taking over a lapsed hold is looked at once more.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { key, eTag, record } = await readHold(this.#kv, interviewId);
      const other = otherLiveHold(record, this.#holder, this.#clock);
      if (other) throw openElsewhere(other);
      const claim = eTag === null ? { ifAbsent: true } : { eTag };
      try {
        await this.#kv.write([{ key, value: this.#record(interviewId), ...claim }]);
      } catch (error) {
        if (error instanceof ConflictError) continue;
        throw error;
      }
      this.#interviewId = interviewId;
      this.#lost = false;
      this.#timer = setInterval(() => void this.#renew(), RENEW_EVERY_MS);
      // The chat ends when its input does; a pending renewal must not keep the process alive.
      this.#timer.unref();
      return;
    }
    throw new AppError('conflict', `interview ${interviewId} was just taken up in another terminal`);
  }

  /** Set once another chat took the interview over after this one's hold lapsed. */
  get lost(): boolean {
    return this.#lost;
  }

  get interviewId(): string | null {
    return this.#interviewId;
  }

  /** Who this hold is, in its records: the chat's turns carry it, so the bot tells them from the others'. */
  get holder(): string {
    return this.#holder;
  }

  async release(): Promise<void> {
    const interviewId = this.#interviewId;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#interviewId = null;
    if (!interviewId) return;
    const { key, record } = await readHold(this.#kv, interviewId);
    if (record?.holder === this.#holder) await this.#kv.delete([key]);
  }

  async #renew(): Promise<void> {
    const interviewId = this.#interviewId;
    if (!interviewId) return;
    try {
      const { key, eTag, record } = await readHold(this.#kv, interviewId);
      // Gone: the interview was erased (with its hold); there is nothing left to keep from anyone.
      if (eTag === null) return;
      if (record?.holder !== this.#holder) {
        this.#lost = true;
        return;
      }
      await this.#kv.write([{ key, value: this.#record(interviewId), eTag }]);
    } catch (error) {
      if (error instanceof ConflictError) this.#lost = true;
      // Any other failure is the store's, and passing: the next renewal tries again before the hold lapses.
    }
  }

  #record(interviewId: string): HoldRecord {
    return {
      interviewId,
      holder: this.#holder,
      host: LOCAL_HOST,
      pid: process.pid,
      renewedAt: this.#clock.now().toISOString(),
    };
  }
}

function openElsewhere(record: HoldRecord): AppError {
  return new AppError(
    'conflict',
    `interview ${record.interviewId} is open in another terminal (process ${record.pid} on ${record.host}); ` +
      'finish or quit that chat first, then resume it here',
  );
}
