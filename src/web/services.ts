import type { TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import type { InterviewStore } from '../store/types.js';

/** The bot logic every front door drives (an `ActivityHandler`'s `run`). */
export interface BotLogic {
  run(context: TurnContext): Promise<void>;
}

/** What the web front doors (web chat, dashboard) need from the application. */
export interface WebServices {
  config: Config;
  store: InterviewStore;
  bot: BotLogic;
}
