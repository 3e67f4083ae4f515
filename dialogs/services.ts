import type { TurnContext } from 'botbuilder';
import type { Guide, GuideSet } from '../src/core/guide/schema.js';
import type { TurnResult } from '../src/core/interview/handle-input.js';
import type { InterviewMeta, TurnRecord } from '../src/core/interview/record.js';
import type { Tagger } from '../src/core/tagger/types.js';
import type { InterviewStore } from '../src/store/types.js';

/** What the dialogs work with: the store is the truth, dialog state only remembers the interview id. */
export interface DialogServices {
  store: InterviewStore;
  guides: GuideSet;
  tagger: Tagger;
  clock: () => Date;
  /** Called once an interview completes (summary review card, interviewer notification). */
  onCompleted?: (meta: InterviewMeta, turns: readonly TurnRecord[], context: TurnContext) => Promise<void>;
}

export interface LoadedInterview {
  meta: InterviewMeta;
  turns: TurnRecord[];
  guide: Guide;
}

export async function loadInterview(
  services: DialogServices,
  interviewId: string,
): Promise<LoadedInterview | null> {
  const meta = await services.store.getInterview(interviewId);
  if (!meta) return null;
  const turns = await services.store.getTurns(interviewId);
  return { meta, turns, guide: services.guides[meta.language] };
}

/**
 * Makes the result durable first (turns and patch in one store call), then sends the replies: a
 * crash in between can lose a reply, never an answer.
 */
export async function commitResult(
  services: DialogServices,
  context: TurnContext,
  meta: InterviewMeta,
  result: TurnResult,
): Promise<void> {
  if (result.outcome === 'declined') {
    await services.store.eraseInterview(meta.id);
  } else if (result.newTurns.length > 0) {
    await services.store.appendTurns(meta.id, result.newTurns, result.patch ?? undefined);
  } else if (result.patch) {
    await services.store.updateInterview(meta.id, result.patch);
  }
  await sendLines(context, result.replies);
  if (result.outcome === 'completed' && result.newTurns.length > 0 && services.onCompleted) {
    const completed = await services.store.getInterview(meta.id);
    if (completed) await services.onCompleted(completed, await services.store.getTurns(meta.id), context);
  }
}

export async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  for (const line of lines) await context.sendActivity(line);
}
