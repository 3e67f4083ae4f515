import { setTimeout as sleep } from 'node:timers/promises';
import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Language } from '../core/domain.js';
import { fill } from '../core/guide/template.js';
import type { InterviewMeta, TurnRecord } from '../core/interview/record.js';
import { buildSummary, renderSummary } from '../core/summary/index.js';
import type { Logger } from '../log.js';
import { getStudyKey } from '../store/study-key.js';
import type { InterviewStore } from '../store/types.js';
import { isWebChatReference } from './directline-adapter.js';
import { INTERVIEW_SHOWN } from './events.js';
import { isGroupConversation } from './incoming.js';
import type { InvitationPrompts } from './invitation-prompts.js';
import { isLoopbackUrl } from './loopback.js';

/** What can continue a conversation: botbuilder's CloudAdapter, or our web chat's adapter. */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface SummaryDeliveryDeps {
  store: InterviewStore;
  prompts: Record<Language, InvitationPrompts>;
  /** Teams and any Bot Framework channel. */
  channels: ProactiveAdapter;
  /** Our web chat; a web chat interviewer's reference cannot be reached through the channels. */
  webChat?: ProactiveAdapter;
  /** The bot's app id ('' in local anonymous mode). */
  appId: string;
  logger?: Logger;
  /** The waits before each new try when the interviewer's channel fails (default SUMMARY_RETRY_DELAYS_MS). */
  retryDelaysMs?: readonly number[];
}

/** A channel down for a moment (a restart, throttling) gets the summary a little later; longer, the dashboard has it. */
export const SUMMARY_RETRY_DELAYS_MS: readonly number[] = [2_000, 15_000, 60_000];

const Account = z.object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() });
const StoredReference = z.object({
  channelId: z.string(),
  serviceUrl: z.string(),
  conversation: z.object({
    id: z.string(),
    name: z.string().optional(),
    isGroup: z.boolean().optional(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  user: Account.optional(),
  bot: Account.optional(),
  locale: z.string().optional(),
});

function toReference(stored: z.infer<typeof StoredReference>): Partial<ConversationReference> {
  const { conversation, user, bot, ...rest } = stored;
  return {
    ...rest,
    conversation: {
      ...conversation,
      name: conversation.name ?? '',
      isGroup: conversation.isGroup ?? false,
      conversationType: conversation.conversationType ?? '',
    },
    ...(user ? { user: { ...user, name: user.name ?? '' } } : {}),
    ...(bot ? { bot: { ...bot, name: bot.name ?? '' } } : {}),
  };
}

/**
 * Whether the summary of an invitation can be sent to the conversation it was asked from. Without app
 * credentials nothing proved who gave that address: only the local tools (web chat, loopback) are written to.
 */
export function summaryReaches(anonymous: boolean, reference: Partial<ConversationReference>): boolean {
  return (
    !anonymous ||
    isWebChatReference(reference) ||
    (reference.serviceUrl !== undefined && isLoopbackUrl(reference.serviceUrl))
  );
}

/**
 * `onCompleted` hook: when an interview opened by an invitation completes, its summary card goes to the
 * interviewer's conversation. A delivery failure is logged, tried again a few times (`retryDelaysMs`), and
 * never spoils the respondent's last turn.
 */
export function summaryDeliveryHook(
  deps: SummaryDeliveryDeps,
): (meta: InterviewMeta, turns: readonly TurnRecord[]) => Promise<void> {
  return async (meta, turns) => {
    const invitation = await deps.store.findInvitationByInterview(meta.id);
    if (!invitation) return;
    const parsed = StoredReference.safeParse(invitation.interviewerAddress);
    if (!parsed.success) {
      deps.logger?.warn('invitation.no_address', { interview: meta.id });
      return;
    }
    const reference = toReference(parsed.data);
    // A summary holds the respondent's answers: never posted where every member of a group would read it.
    if (isGroupConversation(reference)) {
      deps.logger?.info('invitation.not_delivered', { interview: meta.id, reason: 'group_conversation' });
      return;
    }
    const webChat = isWebChatReference(reference);
    if (!summaryReaches(deps.appId === '', reference)) {
      deps.logger?.info('invitation.not_delivered', { interview: meta.id, reason: 'anonymous_mode' });
      return;
    }
    const pseudonymKey = await getStudyKey(deps.store, invitation.interviewerId);
    const summary = buildSummary(meta, turns, { lang: invitation.language, pseudonymKey });
    const card = JSON.parse(String(renderSummary(summary, 'card', invitation.language).body));
    const adapter = webChat ? deps.webChat : deps.channels;
    if (!adapter) {
      deps.logger?.warn('invitation.no_adapter', { interview: meta.id, channel: reference.channelId });
      return;
    }
    const intro = fill(deps.prompts[invitation.language].summaryIntro, { code: invitation.code });
    const delays = deps.retryDelaysMs ?? SUMMARY_RETRY_DELAYS_MS;
    let introSent = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await adapter.continueConversationAsync(deps.appId, reference, async (context) => {
          // A front door keeping the transcript (the web chat) stops showing it once the interview is erased.
          const shown: unknown = context.turnState.get(INTERVIEW_SHOWN);
          if (typeof shown === 'function') shown(meta.id);
          // Tried again, the interviewer is not told twice that the summary follows.
          if (!introSent) await context.sendActivity(intro);
          introSent = true;
          await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
        });
        if (attempt > 1) deps.logger?.info('invitation.delivered', { interview: meta.id, attempts: attempt });
        return;
      } catch (error) {
        const retryInMs = delays[attempt - 1];
        deps.logger?.error('invitation.delivery_failed', {
          interview: meta.id,
          error: error instanceof Error ? error.message : String(error),
          attempt,
          retryInMs: retryInMs ?? null,
          summaryIn: 'dashboard',
        });
        if (retryInMs === undefined) return;
        // Not holding the process open: a server shutting down leaves the summary to the dashboard.
        await sleep(retryInMs, undefined, { ref: false });
        // Erased meanwhile: nothing of it is sent.
        if (!(await deps.store.getInterview(meta.id))) return;
      }
    }
  };
}
