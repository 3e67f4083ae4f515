import type { Middleware, TurnContext } from 'botbuilder';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { createBot } from '../../src/bot/create-bot.js';
import { loadConfig } from '../../src/config.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { InterviewStore } from '../../src/store/types.js';
import type { SigningKeys } from '../../src/web/dashboard/teams-sso.js';
import { registerWebRoutes, type WebRoutes } from '../../src/web/routes.js';
import type { BotLogic } from '../../src/web/services.js';
import { startTestServer, type TestServer } from '../server/helpers.js';

/** The product's bot on `store`, with the real tagger and guides, as the browser tests drive it. */
export function realInterviewBot(store: InterviewStore): BotLogic {
  return createBot({
    store,
    storage: new KeyValueBotStorage(store.kv),
    tagger: createTagger(),
    guides: loadGuides(),
  });
}

export interface WebTestServer extends TestServer {
  store: InterviewStore;
  web: WebRoutes;
}

/** The whole HTTP front door with the web routes mounted, on an ephemeral loopback port. */
export async function startWebServer(options: {
  bot: BotLogic;
  store?: InterviewStore;
  env?: NodeJS.ProcessEnv;
  teamsSigningKeys?: SigningKeys;
  port?: number;
  /** Run before the bot on every web chat turn, as the invitation desk is in the product. */
  middleware?: Middleware[];
}): Promise<WebTestServer> {
  const store = options.store ?? createMemoryStore();
  const config = loadConfig({ PORT: '0', ...options.env });
  let web: WebRoutes | null = null;
  const server = await startTestServer({
    bot: options.bot,
    ...(options.env ? { env: options.env } : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
    registerRoutes: (router) => {
      web = registerWebRoutes(router, {
        config,
        store,
        bot: options.bot,
        ...(options.teamsSigningKeys ? { teamsSigningKeys: options.teamsSigningKeys } : {}),
        ...(options.middleware ? { middleware: options.middleware } : {}),
      });
    },
  });
  if (!web) throw new Error('web routes were not registered');
  return { ...server, store, web };
}

/** A bot that shows what it received: greets new members, echoes text, answers card submissions. */
export const probeBot: BotLogic = {
  async run(context: TurnContext) {
    const { activity } = context;
    if (activity.type === 'conversationUpdate') {
      for (const member of activity.membersAdded ?? []) {
        if (member.id !== activity.recipient.id) await context.sendActivity(`bonjour ${member.id}`);
      }
      return;
    }
    if (activity.type !== 'message') return;
    if (activity.value !== undefined) {
      await context.sendActivity(`reçu ${JSON.stringify(activity.value)}`);
    } else if (activity.text === 'carte') {
      await context.sendActivity({
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              version: '1.5',
              body: [{ type: 'TextBlock', text: 'Consentez-vous ?' }],
              actions: [{ type: 'Action.Submit', title: 'Oui', data: { consent: true } }],
            },
          },
        ],
      });
    } else if (activity.text === 'panne') {
      throw new Error('the bot broke');
    } else {
      await context.sendActivity(`écho ${activity.text} (${activity.from.id}, ${activity.channelId})`);
    }
  },
};
