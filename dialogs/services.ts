import type { TurnContext } from 'botbuilder';
import type { Guide, GuideSet } from '../src/core/guide/schema.js';
import { promptNext, type TurnResult } from '../src/core/interview/handle-input.js';
import type { InterviewMeta, TurnRecord } from '../src/core/interview/record.js';
import type { Tagger } from '../src/core/tagger/types.js';
import type { InterviewStore } from '../src/store/types.js';

/**
 * Who owns an interview a respondent starts without an invitation (its `interviewerId`), from the
 * activity: the respondent's own identity, so the interview shows in their dashboard; null for nobody.
 */
export type OwnerOf = (context: TurnContext) => string | null;

/** What the dialogs work with: the store is the truth, dialog state only remembers the interview id. */
export interface DialogServices {
  store: InterviewStore;
  guides: GuideSet;
  tagger: Tagger;
  clock: () => Date;
  ownerOf: OwnerOf;
  /**
   * Removes this conversation's bot state and keeps the end of the turn from writing it back: called
   * before an interview is erased, so no state naming it outlives it.
   */
  forgetConversation: (context: TurnContext) => Promise<void>;
  /** Whether another front door (a terminal chat) holds the interview now: this turn may record nothing in it. */
  heldElsewhere: (context: TurnContext, interviewId: string) => Promise<boolean>;
  /** Called once an interview completes (summary review card, interviewer notification). */
  onCompleted?: (meta: InterviewMeta, turns: readonly TurnRecord[], context: TurnContext) => Promise<void>;
}

export interface LoadedInterview {
  meta: InterviewMeta;
  turns: TurnRecord[];
  guide: Guide;
}

/** The interview as this turn knows it: read once per turn, then kept up to date by `commitResult`. */
const turnCache = new WeakMap<TurnContext, LoadedInterview>();

export async function loadInterview(
  services: DialogServices,
  interviewId: string,
  context: TurnContext,
): Promise<LoadedInterview | null> {
  const cached = turnCache.get(context);
  if (cached?.meta.id === interviewId) return cached;
  const meta = await services.store.getInterview(interviewId);
  if (!meta) return null;
  const turns = await services.store.getTurns(interviewId);
  const loaded = { meta, turns, guide: services.guides[meta.language] };
  turnCache.set(context, loaded);
  return loaded;
}

/** Drops what this turn knows of the interview (it was changed outside `commitResult`, or erased). */
export function forgetLoaded(context: TurnContext): void {
  turnCache.delete(context);
}

/**
 * Makes the result durable first (turns and patch in one store call), then sends the replies: a
 * crash in between can lose a reply, never an answer. Returns the interview as it now stands (null
 * once erased), without reading the turn log again.
 */
export async function commitResult(
  services: DialogServices,
  context: TurnContext,
  loaded: LoadedInterview,
  result: TurnResult,
): Promise<LoadedInterview | null> {
  const { meta } = loaded;
  let after: LoadedInterview | null = loaded;
  if (result.outcome === 'declined') {
    forgetLoaded(context);
    await services.forgetConversation(context);
    await services.store.eraseInterview(meta.id);
    after = null;
  } else if (result.newTurns.length > 0) {
    const appended = await services.store.appendTurns(meta.id, result.newTurns, result.patch ?? undefined);
    after = { ...loaded, meta: { ...meta, ...result.patch }, turns: [...loaded.turns, ...appended] };
  } else if (result.patch) {
    after = { ...loaded, meta: await services.store.updateInterview(meta.id, result.patch) };
  }
  if (after) turnCache.set(context, after);
  await sendLines(context, result.replies);
  if (after && result.outcome === 'completed' && result.newTurns.length > 0 && services.onCompleted) {
    const completed = await services.store.getInterview(meta.id);
    if (completed) await services.onCompleted(completed, after.turns, context);
  }
  return after;
}

/** The question the interview waits on is sent again (after a restart, a `resume`, a reloaded page). */
export async function repeatPendingQuestion(
  services: DialogServices,
  context: TurnContext,
  interviewId: string,
): Promise<void> {
  const loaded = await loadInterview(services, interviewId, context);
  if (!loaded) return;
  const result = promptNext(loaded.guide, loaded.meta, loaded.turns, { now: services.clock() });
  await commitResult(services, context, loaded, result);
}

export async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  for (const line of lines) await context.sendActivity(line);
}
