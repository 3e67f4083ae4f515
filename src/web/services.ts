import type { Middleware, TurnContext } from '../bot/protocol.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { InterviewStore } from '../store/types.js';
import type { SigningKeys } from './dashboard/teams-sso.js';

/** The bot logic every front door drives (an `ActivityHandler`'s `run`). */
export interface BotLogic {
  run(context: TurnContext): Promise<void>;
}

/** What the web front doors (web chat, dashboard) need from the application. */
export interface WebServices {
  config: Config;
  store: InterviewStore;
  bot: BotLogic;
  logger?: Logger;
  /** Middleware the web chat's adapter runs before the bot, as the channels' adapter does (e.g. invitations). */
  middleware?: readonly Middleware[];
  /** Where Teams SSO signing keys come from (default: Entra ID, fetched on first use). */
  teamsSigningKeys?: SigningKeys;
}
