import { AsyncLocalStorage } from 'node:async_hooks';
import { ConflictError } from '../errors.js';

/**
 * One bot turn of one conversation, as the stores see it: what the turn read (the conversation's bot state
 * and the interview logs it works from) and whether it has committed anything yet.
 *
 * Several server instances (or two requests to one) may run turns of the same conversation at once. Each
 * reads the conversation state and the interview, then commits turns, then saves the state; botbuilder
 * saves the state unconditionally (`eTag: '*'`), so without more the second turn would file its answer
 * under a question already answered and ask again what was covered. Inside a scope the stores make every
 * write of the turn a compare-and-set on the conversation state:
 *
 * - a write of records (turns appended, an interview created or changed) checks, in its own transaction,
 *   that the conversation state still has the eTag this turn read and that the interview's log still ends
 *   where this turn read it, then gives the state a new eTag (the turn has taken the conversation on);
 *   otherwise it commits nothing and throws `StaleTurnError`;
 * - the end-of-turn state write checks the same eTag: a turn that has committed nothing is refused
 *   (`StaleTurnError`), and a turn that has committed records keeps them but leaves its state out when a
 *   later turn, which read those records, has since taken the conversation on: the same as a crash between
 *   the commit and the state write, which the bot already recovers from (the store is the truth).
 *
 * A stale turn has committed nothing, so the front door runs it again on fresh state (`scope.stale`).
 */
export class TurnScope {
  /** The conversation's bot-state key (botbuilder `ConversationState`). */
  readonly stateKey: string;
  /**
   * The conversation state's eTag this turn works from: undefined until the turn reads it, null while it
   * does not exist. Moves on with the turn's own writes.
   */
  expected: string | null | undefined = undefined;
  /** Where each interview's log ended when this turn first read it (moved on by its own appends). */
  readonly lastSeqs = new Map<string, number>();
  /** Whether this turn has committed records. */
  committed = false;
  /** Set when a write was refused because another turn of the conversation committed first. */
  stale = false;
  /** Set when the end-of-turn state write was left out (see above). */
  stateWriteDropped = false;
  /**
   * What taking the conversation on writes into its state, besides a new eTag: the bot marks there the
   * message this turn processes, so that the same message delivered again meanwhile, to any server sharing
   * the store, is known as a redelivery from the moment the first delivery records anything.
   */
  claim: ((state: unknown) => unknown) | undefined = undefined;

  constructor(stateKey: string) {
    this.stateKey = stateKey;
  }

  /** Records what a read of bot state found, the first time the turn reads the conversation's. */
  sawState(items: Record<string, { eTag: string }>, keys: readonly string[]): void {
    if (this.expected !== undefined || !keys.includes(this.stateKey)) return;
    this.expected = Object.hasOwn(items, this.stateKey) ? (items[this.stateKey]?.eTag ?? null) : null;
  }

  /** Records where an interview's log ends, the first time the turn reads it. */
  sawTurns(interviewId: string, lastSeq: number): void {
    if (!this.lastSeqs.has(interviewId)) this.lastSeqs.set(interviewId, lastSeq);
  }

  /**
   * Throws `StaleTurnError` unless the state's eTag now (`current`, null when absent) is the one this turn
   * works from and, for an append, the interview's log still ends at `lastSeq`.
   */
  checkCurrent(current: string | null, append?: { interviewId: string; lastSeq: number }): void {
    if (this.expected !== undefined && current !== this.expected) throw this.refuse();
    if (append) {
      const seen = this.lastSeqs.get(append.interviewId);
      if (seen !== undefined && seen !== append.lastSeq) throw this.refuse();
    }
  }

  /**
   * After a committed write of records: the state's new eTag (none when the turn never read the state, which
   * was then not taken on), and where the appended log now ends.
   */
  committedWith(eTag: string | undefined, append?: { interviewId: string; lastSeq: number }): void {
    if (eTag !== undefined) {
      this.expected = eTag;
      this.committed = true;
    }
    if (append) this.lastSeqs.set(append.interviewId, append.lastSeq);
  }

  /**
   * What to do with the end-of-turn write of the conversation state, given its eTag now: `write` it (it is
   * the one this turn works from, or the turn never read it), `skip` it (a later turn took over after this
   * one committed), or throw `StaleTurnError`.
   */
  stateWrite(current: string | null): 'write' | 'skip' {
    if (this.expected === undefined || current === this.expected) return 'write';
    return this.stateTakenOn();
  }

  /** The conversation state was taken on by another turn since this one read it: `skip` or `StaleTurnError`. */
  stateTakenOn(): 'skip' {
    if (this.committed) {
      this.stateWriteDropped = true;
      return 'skip';
    }
    throw this.refuse();
  }

  /** The conversation state's JSON as this turn takes it on: with the claim written in, when there is one. */
  takenOnJson(json: string): string {
    if (!this.claim) return json;
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      // A damaged state is the reader's to report; taking it on leaves it as it is.
      return json;
    }
    return JSON.stringify(this.claim(state));
  }

  refuse(): StaleTurnError {
    this.stale = true;
    return new StaleTurnError();
  }
}

/** A write of a turn that another turn of the same conversation got in before: it committed nothing. */
export class StaleTurnError extends ConflictError {
  constructor() {
    super('another message of this conversation was recorded first; this one was not recorded');
    this.name = 'StaleTurnError';
  }
}

const scopes = new AsyncLocalStorage<TurnScope>();

/** Runs `work` (one bot turn) with `scope` seen by every store call it makes. */
export function runInTurnScope<T>(scope: TurnScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

/** The scope of the turn the caller runs in, if any (stores behave as before outside one). */
export function currentTurnScope(): TurnScope | undefined {
  return scopes.getStore();
}

/** The key botbuilder's `ConversationState` (default namespace) keeps a conversation's state under. */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

/** The value a conversation state gets when a turn takes on one that does not exist yet. */
export const EMPTY_STATE_JSON = '{}';
