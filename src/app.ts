import { KeyValueBotStorage } from './bot/bot-storage.js';
import { type BotHooks, createBot, type OwnerOf } from './bot/create-bot.js';
import type { InterviewBot } from './bot/interview-bot.js';
import type { Storage } from './bot/protocol.js';
import type { Config } from './config.js';
import { loadGuides } from './core/guide/load.js';
import type { GuideSet } from './core/guide/schema.js';
import { createTagger } from './core/tagger/index.js';
import type { Tagger } from './core/tagger/types.js';
import type { Logger } from './log.js';
import { openStore } from './store/open.js';
import type { InterviewStore } from './store/types.js';

export interface Services {
  store: InterviewStore;
  storage: Storage;
  tagger: Tagger;
  guides: GuideSet;
  clock: () => Date;
  bot: InterviewBot;
  /** Passed on so `createBot(services)` elsewhere keeps them. */
  hooks?: BotHooks;
  logger?: Logger;
  close(): Promise<void>;
}

/** Anything given here is used instead of what `config` would build (tests, other front doors). */
export interface ServiceOverrides {
  store?: InterviewStore;
  storage?: Storage;
  tagger?: Tagger;
  guides?: GuideSet;
  clock?: () => Date;
  hooks?: BotHooks;
  /** Who owns an interview started without an invitation; the bot's default is the local user. */
  ownerOf?: OwnerOf;
  logger?: Logger;
}

/** How long closing waits for work following turns already answered (a summary on its way to an interviewer). */
const BACKGROUND_GRACE_MS = 10_000;

/**
 * The one wiring of the application, shared by the terminal chat and the HTTP server: guides and
 * tagger are loaded (and validated) before the store opens, so bad data fails fast without a store to close.
 */
export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const guides = overrides.guides ?? loadGuides();
  const tagger = overrides.tagger ?? createTagger();
  const clock = overrides.clock ?? (() => new Date());
  const store = overrides.store ?? (await openStore(config, { now: clock }));
  const storage = overrides.storage ?? new KeyValueBotStorage(store.kv);
  const bot = createBot({
    store,
    storage,
    tagger,
    guides,
    clock,
    hooks: overrides.hooks,
    ownerOf: overrides.ownerOf,
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  return {
    store,
    storage,
    tagger,
    guides,
    clock,
    bot,
    hooks: overrides.hooks,
    logger: overrides.logger,
    close: async () => {
      // Summaries being sent to interviewers read the store: they finish first, within a bound.
      await bot.settled(BACKGROUND_GRACE_MS);
      // A store handed in belongs to the caller, who closes it.
      if (!overrides.store) await store.close();
    },
  };
}
