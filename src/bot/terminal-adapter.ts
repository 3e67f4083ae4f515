import { randomUUID } from 'node:crypto';
import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { PLAIN_TEXT_FRONT_DOOR } from '../../dialogs/services.js';
import { AppError } from '../errors.js';
import { INTERVIEW_HOLDER, TRUSTED_FRONT_DOOR } from './events.js';

export type TurnLogic = (context: TurnContext) => Promise<void>;

export interface TerminalAdapterOptions {
  /** The holder of the chat's hold on its interview: its turns may record in the interview it holds. */
  holder?: string;
  conversationId?: string;
  /** The reader's locale ("en-GB"), as a web page or Teams would send it: the greeting is worded in it. */
  locale?: string;
}

/**
 * The terminal reader's locale from the environment, as POSIX gives it (`LC_ALL`, then `LC_MESSAGES`, then
 * `LANG`: "en_GB.UTF-8" is "en-GB"); none for "C", "POSIX" or nothing set.
 */
export function terminalLocale(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const match = raw ? /^([a-z]{2,3})(?:_([A-Z]{2}))?/.exec(raw) : null;
  if (!match?.[1]) return undefined;
  return match[2] ? `${match[1]}-${match[2]}` : match[1];
}

/**
 * Turns terminal lines into message activities for the same bot the other channels use. Each call
 * resolves once the whole turn is done, so feeding lines one await at a time keeps them in order.
 */
export class TerminalAdapter extends BotAdapter {
  private readonly conversation: { id: string };
  private readonly holder: string | null;
  private readonly locale: string | undefined;

  constructor(
    private readonly print: (text: string) => void,
    options: TerminalAdapterOptions = {},
  ) {
    super();
    this.conversation = { id: options.conversationId ?? randomUUID() };
    this.holder = options.holder ?? null;
    this.locale = options.locale;
  }

  get conversationId(): string {
    return this.conversation.id;
  }

  /** The conversation key the bot stores with interviews started here. */
  get conversationKey(): string {
    return `${TERMINAL_CHANNEL}:${this.conversation.id}`;
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      if (activity.type === ActivityTypes.Message && activity.text) this.print(activity.text);
      return { id: randomUUID() };
    });
  }

  async updateActivity(): Promise<void> {
    throw new AppError('bad_usage', 'the terminal cannot update a message already printed');
  }

  async deleteActivity(): Promise<void> {
    throw new AppError('bad_usage', 'the terminal cannot delete a message already printed');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  sendText(text: string, logic: TurnLogic): Promise<void> {
    return this.process({ type: ActivityTypes.Message, text }, logic);
  }

  sendEvent(name: string, value: unknown, logic: TurnLogic): Promise<void> {
    return this.process({ type: ActivityTypes.Event, name, value }, logic);
  }

  /** A new member joined: what Teams and web chat send when a conversation opens. */
  sendConversationStart(logic: TurnLogic): Promise<void> {
    return this.process({ type: ActivityTypes.ConversationUpdate, membersAdded: [USER, BOT] }, logic);
  }

  private process(partial: Partial<Activity>, logic: TurnLogic): Promise<void> {
    const activity: Partial<Activity> = {
      id: randomUUID(),
      channelId: TERMINAL_CHANNEL,
      serviceUrl: 'terminal:',
      timestamp: new Date(),
      conversation: {
        id: this.conversation.id,
        isGroup: false,
        conversationType: 'personal',
        name: 'terminal',
      },
      from: USER,
      recipient: BOT,
      ...(this.locale ? { locale: this.locale } : {}),
      ...partial,
    };
    const context = new TurnContext(this, activity);
    context.turnState.set(TRUSTED_FRONT_DOOR, true);
    // Printed as is: the respondent's words quoted back are shown as typed, not escaped for Markdown.
    context.turnState.set(PLAIN_TEXT_FRONT_DOOR, true);
    if (this.holder !== null) context.turnState.set(INTERVIEW_HOLDER, this.holder);
    return this.runMiddleware(context, logic);
  }
}

export const TERMINAL_CHANNEL = 'terminal';
const USER = { id: 'terminal-user', name: 'respondent' };
const BOT = { id: 'sme-interview-bot', name: 'sme-interview' };
