import { type Activity, type ChannelAccount, MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import { createBot } from '../../src/bot/create-bot.js';
import type { InterviewBot } from '../../src/bot/interview-bot.js';
import { invitationMiddleware } from '../../src/bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { InterviewStore } from '../../src/store/types.js';
import { createFakeTagger } from '../interview/fake-tagger.js';

/** The bot as Teams addresses it, and how its name shows in a mention. */
export const TEAMS_BOT: ChannelAccount = {
  id: '28:e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10',
  name: 'SME Interview',
};
export const BOT_MENTION = '<at>SME Interview</at>';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** A Teams conversation as its activities name it. */
export function teamsConversation(id: string, kind: ConversationKind): Activity['conversation'] {
  return {
    id,
    conversationType: kind,
    isGroup: kind !== 'personal',
    name: kind === 'personal' ? '' : 'Projet PME',
    tenantId: 'tenant-1',
  };
}

/**
 * The real bot, with the invitation middleware the server puts before it, driven as Teams drives it: each
 * message names its conversation (personal chat, group chat or channel), its sender and the sender's locale.
 */
export class TeamsHarness {
  readonly guides = loadGuides();
  readonly prompts = loadInvitationPrompts();
  readonly adapter: TestAdapter;
  readonly bot: InterviewBot;

  constructor(
    readonly store: InterviewStore = createMemoryStore(),
    readonly storage: Storage = new MemoryStorage(),
  ) {
    this.bot = createBot({ store, storage, tagger: createFakeTagger(), guides: this.guides });
    this.adapter = new TestAdapter(async (context) => this.bot.run(context), { channelId: 'msteams' });
    // With `expectReplies` the turn keeps its replies for the HTTP response: they are read from there.
    this.adapter.use({
      onTurn: async (context, next) => {
        await next();
        if (context.activity.deliveryMode === 'expectReplies')
          this.adapter.activeQueue.push(...context.bufferedReplyActivities);
      },
    });
    this.adapter.use(invitationMiddleware({ store, prompts: this.prompts, botId: TEAMS_BOT.id }));
  }

  /** Runs one activity and returns the texts of the replies. */
  async send(activity: Partial<Activity>): Promise<string[]> {
    await this.adapter.processActivity({ ...activity, recipient: activity.recipient ?? TEAMS_BOT });
    return this.adapter.activeQueue.splice(0).map((reply) => reply.text ?? '');
  }
}

export interface Speaker {
  conversation: Activity['conversation'];
  from: ChannelAccount;
  locale: string;
}

/** A message as Teams sends it; `mention`: the bot @mentioned first, as in a channel or group chat. */
export function teamsMessage(
  speaker: Speaker,
  text: string,
  options: { mention?: boolean; id?: string; deliveryMode?: string } = {},
): Partial<Activity> {
  return {
    type: 'message',
    text: options.mention ? `${BOT_MENTION} ${text}` : text,
    conversation: speaker.conversation,
    from: speaker.from,
    locale: speaker.locale,
    ...(options.id ? { id: options.id } : {}),
    ...(options.deliveryMode ? { deliveryMode: options.deliveryMode } : {}),
    ...(options.mention
      ? {
          entities: [
            { type: 'mention', text: BOT_MENTION, mentioned: { id: TEAMS_BOT.id, name: 'SME Interview' } },
          ],
        }
      : {}),
  };
}
