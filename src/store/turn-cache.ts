import type { TurnRecord } from '../core/interview/record.js';
import { BoundedLru } from './lru.js';

/**
 * Interviews whose turn logs are kept in memory, and the turns they may hold together. A tagged turn
 * weighs about 1 KB, so a full cache stays well inside the server's heap ceiling (`npm start`).
 */
export const TURN_CACHE_INTERVIEWS = 2000;
export const TURN_CACHE_TURNS = 40_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

interface CachedLog {
  /** Which incarnation of the interview (PostgreSQL): one erased and created again under the same id is another log. */
  generation: string | null;
  turns: readonly TurnRecord[];
}

/**
 * Turn logs per interview, kept exact by the store that owns it (appends added after their commit,
 * erasure evicts). Records are deeply frozen and every read gets its own array, so no caller can
 * change what the next one reads.
 */
export class TurnCache {
  private readonly logs: BoundedLru<string, CachedLog>;

  constructor(maxInterviews = TURN_CACHE_INTERVIEWS, maxTurns = TURN_CACHE_TURNS) {
    this.logs = new BoundedLru(maxInterviews, maxTurns);
  }

  get(id: string): { generation: string | null; lastSeq: number; turns: TurnRecord[] } | undefined {
    const log = this.logs.get(id);
    if (log === undefined) return undefined;
    return { generation: log.generation, lastSeq: log.turns.at(-1)?.seq ?? 0, turns: [...log.turns] };
  }

  /** Replaces the log of `id` with `turns` (a full read). */
  set(id: string, turns: readonly TurnRecord[], generation: string | null = null): TurnRecord[] {
    const frozen = turns.map(deepFreeze);
    this.logs.set(id, { generation, turns: frozen }, Math.max(1, frozen.length));
    return [...frozen];
  }

  /**
   * Adds committed turns to a cached log. A log that does not end right before them (it missed a
   * write) is dropped, so the next read goes to the database.
   */
  append(id: string, records: readonly TurnRecord[]): readonly TurnRecord[] {
    const frozen = records.map(deepFreeze);
    const log = this.logs.get(id);
    if (log === undefined || frozen.length === 0) return frozen;
    const lastSeq = log.turns.at(-1)?.seq ?? 0;
    if (frozen[0]?.seq !== lastSeq + 1) {
      this.logs.delete(id);
      return frozen;
    }
    const turns = [...log.turns, ...frozen];
    this.logs.set(id, { generation: log.generation, turns }, turns.length);
    return frozen;
  }

  evict(id: string): void {
    this.logs.delete(id);
  }

  clear(): void {
    this.logs.clear();
  }

  get interviews(): number {
    return this.logs.size;
  }
}

/**
 * A turn as a read from the database gives it back: tags and data through their stored JSON, so a
 * cached turn and a read one are alike (no `undefined` fields, no non-JSON values).
 */
export function storedTurn(record: TurnRecord, tagsJson: string | null, dataJson: string | null): TurnRecord {
  return {
    ...record,
    tags: tagsJson === null ? null : JSON.parse(tagsJson),
    data: dataJson === null ? null : JSON.parse(dataJson),
  };
}
