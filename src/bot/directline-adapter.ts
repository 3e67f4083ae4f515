import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import type { ReplayedMessage } from '../core/interview/replay.js';
import { currentTurnScope } from '../store/turn-scope.js';
import type { DirectLineConversations, ServedActivity } from '../web/directline/conversations.js';
import {
  FORGET_TRANSCRIPT,
  INTERVIEW_SHOWN,
  SHOW_EARLIER_MESSAGES,
  type ShowEarlierMessages,
} from './events.js';
import { withLinesKept } from './line-breaks.js';

/** Channel id of activities coming through our Direct Line endpoint (what Direct Line calls Web Chat). */
export const WEBCHAT_CHANNEL_ID = 'webchat';
/** Not an HTTP URL on purpose: a reference to one of our web chats can only be continued by this adapter. */
export const WEBCHAT_SERVICE_URL = 'urn:sme-interview:webchat';

type Logic = (context: TurnContext) => Promise<void>;
/** botbuilder's `delay` pseudo-activity (not in its ActivityTypes enum). */
const DELAY_ACTIVITY = 'delay';
/** Where a turn keeps what it says until it has run (see `processActivity`, `continueConversation`). */
const OUTBOX = Symbol('outbox');

/** True for a conversation reference (e.g. an interviewer's, kept for proactive delivery) of our web chat. */
export function isWebChatReference(reference: Partial<ConversationReference>): boolean {
  return reference.channelId === WEBCHAT_CHANNEL_ID && reference.serviceUrl === WEBCHAT_SERVICE_URL;
}

/**
 * Runs the bot for our Direct Line endpoint: replies are not posted to a connector service but appended to
 * the conversation's transcript, which Web Chat polls.
 */
export class DirectLineAdapter extends BotAdapter {
  readonly #conversations: DirectLineConversations;

  constructor(conversations: DirectLineConversations) {
    super();
    this.#conversations = conversations;
  }

  /**
   * One turn of the bot for an incoming activity; errors reach the caller (no onTurnError is set). What the
   * turn says is shown once the turn has run: a run that another server's turn of the conversation got in
   * before is run again on fresh state (server/fresh-turn.ts), and would otherwise show its replies twice.
   */
  async processActivity(activity: Partial<Activity>, logic: Logic): Promise<void> {
    const context = new TurnContext(this, activity);
    const conversationId = activity.conversation?.id;
    if (!conversationId) return this.runMiddleware(context, logic);
    const said: ServedActivity[] = [];
    const interviews = new Set<string>();
    context.turnState.set(OUTBOX, said);
    // Once the turn erased its interview, no mark may name it again: nothing more is noted.
    let forgotten = false;
    context.turnState.set(INTERVIEW_SHOWN, (interviewId: string) => {
      if (!forgotten) interviews.add(interviewId);
    });
    context.turnState.set(FORGET_TRANSCRIPT, () => {
      forgotten = true;
      interviews.clear();
      said.length = 0;
      this.#conversations.forgetTranscript(conversationId);
    });
    const showEarlier: ShowEarlierMessages = (messages) => {
      said.push(...messages.map((message) => replayed(context, message)));
    };
    context.turnState.set(SHOW_EARLIER_MESSAGES, showEarlier);
    try {
      await this.runMiddleware(context, logic);
    } catch (error) {
      // A turn failing otherwise shows what it said, as a turn that replied at once would have.
      if (!currentTurnScope()?.stale) this.#conversations.append(conversationId, said);
      throw error;
    }
    this.#conversations.append(conversationId, said);
    await this.#conversations.noteInterviews(conversationId, interviews);
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // Invoke responses and traces are for channels and emulators; a delay means nothing to a polling client.
      if (
        activity.type === ActivityTypes.InvokeResponse ||
        activity.type === ActivityTypes.Trace ||
        activity.type === DELAY_ACTIVITY
      ) {
        responses.push({ id: '' });
        continue;
      }
      const outbox: unknown = context.turnState.get(OUTBOX);
      if (Array.isArray(outbox)) {
        outbox.push(served(activity));
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const [id] = this.#conversations.append(conversationId, [served(activity)]);
      responses.push({ id: id ?? '' });
    }
    return responses;
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | undefined> {
    const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
    if (!activity.id) return;
    this.#conversations.replace(conversationId, { ...served(activity), id: activity.id });
    return { id: activity.id };
  }

  /** Web Chat cannot take a message back; the transcript keeps an empty tombstone so later reloads skip it. */
  override async deleteActivity(
    context: TurnContext,
    reference: Partial<ConversationReference>,
  ): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation.id;
    if (!reference.activityId) return;
    this.#conversations.replace(conversationId, { id: reference.activityId, type: 'messageDelete' });
  }

  /**
   * What is said here goes to the store, not to this process's transcript: the page may poll another server
   * sharing the store, which shows it at the page's next poll (`DirectLineConversations.queue`).
   */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: Logic,
  ): Promise<void> {
    const event = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    const context = new TurnContext(this, event);
    const said: ServedActivity[] = [];
    const interviews = new Set<string>();
    context.turnState.set(OUTBOX, said);
    context.turnState.set(INTERVIEW_SHOWN, (interviewId: string) => interviews.add(interviewId));
    await this.runMiddleware(context, logic);
    const conversationId = reference.conversation?.id;
    if (conversationId && said.length > 0)
      await this.#conversations.queue(conversationId, said, [...interviews]);
  }

  /** Same signature as CloudAdapter's, so proactive code can hold either adapter. */
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync needs the logic to run');
    await this.continueConversation(reference, logic);
  }
}

/**
 * The JSON Web Chat receives: botbuilder activities may hold Dates and undefined fields; the lines of a
 * message's text are kept apart, as Web Chat reads it as Markdown.
 */
function served(activity: Partial<Activity>): ServedActivity {
  const json: Record<string, unknown> = JSON.parse(JSON.stringify(withLinesKept(activity)));
  return { ...json, id: '' };
}

/**
 * A message said earlier, as Web Chat showed it then: the bot's from the bot; the respondent's from the
 * respondent (drawn on their side), as plain text so nothing they typed is read as markup.
 */
function replayed(context: TurnContext, message: ReplayedMessage): ServedActivity {
  const byRespondent = message.from === 'respondent';
  const activity = TurnContext.applyConversationReference(
    {
      type: ActivityTypes.Message,
      text: message.text,
      ...(byRespondent ? { textFormat: 'plain' } : {}),
      ...(message.at === undefined ? {} : { timestamp: new Date(message.at) }),
    },
    TurnContext.getConversationReference(context.activity),
    byRespondent,
  );
  return served(activity);
}
