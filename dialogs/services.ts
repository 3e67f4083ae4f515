import { MessageFactory, type TurnContext } from 'botbuilder';
import { INTERVIEW_SHOWN } from '../src/bot/events.js';
import { Language } from '../src/core/domain.js';
import type { Guide, GuideSet } from '../src/core/guide/schema.js';
import { promptNext, type TurnOptions, type TurnResult } from '../src/core/interview/handle-input.js';
import { quoteAsTyped } from '../src/core/interview/quote.js';
import type { InterviewMeta, TurnRecord } from '../src/core/interview/record.js';
import type { Tagger } from '../src/core/tagger/types.js';
import type { Logger } from '../src/log.js';
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
  /** Where events worth an operator's eye are logged (never answer text): a respondent's own erasure. */
  logger?: Logger;
}

export interface LoadedInterview {
  meta: InterviewMeta;
  turns: TurnRecord[];
  guide: Guide;
}

/**
 * Set in the turn state by a front door that prints the bot's messages as they are, rendering no Markdown
 * (the terminal): the respondent's words quoted in replies are shown there as typed. Everywhere else (Teams,
 * the web chat) they are escaped, so nothing a respondent typed becomes markup in the bot's bubble.
 */
export const PLAIN_TEXT_FRONT_DOOR = Symbol('plainTextFrontDoor');

/** What the interview core needs for this turn: the time, every guide, and how this front door quotes. */
export function turnOptions(services: DialogServices, context: TurnContext): TurnOptions {
  return {
    now: services.clock(),
    guides: services.guides,
    ...(context.turnState.get(PLAIN_TEXT_FRONT_DOOR) === true ? { quote: quoteAsTyped } : {}),
  };
}

/**
 * The language the front door says the person reads (Teams and the web chat send the reader's locale,
 * `en-US`, `fr-FR`), or null when it says none we speak: what the bot speaks before an interview has one.
 */
export function localeLanguage(context: TurnContext): Language | null {
  const language = Language.safeParse(context.activity.locale?.slice(0, 2).toLowerCase());
  return language.success ? language.data : null;
}

/** The interview as this turn knows it: read once per turn, then kept up to date by `commitResult`. */
const turnCache = new WeakMap<TurnContext, LoadedInterview>();

export async function loadInterview(
  services: DialogServices,
  interviewId: string,
  context: TurnContext,
): Promise<LoadedInterview | null> {
  const shown: unknown = context.turnState.get(INTERVIEW_SHOWN);
  if (typeof shown === 'function') shown(interviewId);
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
    // Consent refused, nothing was recorded: the code that opened the interview opens a new one again.
    await services.store.eraseInterviewAndReopenInvitation(meta.id);
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
  const result = promptNext(loaded.guide, loaded.meta, loaded.turns, turnOptions(services, context));
  await commitResult(services, context, loaded, result);
}

/**
 * Sends the lines as messages, in order, in one batch: whatever watches this turn's replies (a redelivery's
 * memory of them, deliveries.ts) sees them all before the first leaves.
 */
export async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  await context.sendActivities(lines.map((line) => MessageFactory.text(line)));
}
