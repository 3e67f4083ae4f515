import type { TurnContext } from 'botbuilder';
import type { InterviewMeta } from '../core/interview/record.js';
import type { InterviewStore } from '../store/types.js';

/** The channel-side key stored with each interview (`InterviewMeta.conversationKey`). */
export function conversationKeyOf(context: TurnContext): string {
  return `${context.activity.channelId}:${context.activity.conversation.id}`;
}

/** The newest interview of this conversation, or null: found through the store's conversation index. */
export async function conversationInterview(
  store: InterviewStore,
  context: TurnContext,
): Promise<InterviewMeta | null> {
  const mine = await store.listInterviews({ conversationKey: conversationKeyOf(context) });
  return mine[0] ?? null;
}

/**
 * The newest unfinished interview of this conversation, or null: an older one left for an invitation's counts
 * once that one is completed.
 */
export async function unfinishedInterview(
  store: InterviewStore,
  context: TurnContext,
): Promise<InterviewMeta | null> {
  const mine = await store.listInterviews({ conversationKey: conversationKeyOf(context) });
  return mine.find((meta) => meta.status !== 'completed') ?? null;
}
