import { type BotDeps, InterviewBot } from './interview-bot.js';

export { type BotDeps, type BotHooks, LOCAL_OWNER, type OwnerOf } from './interview-bot.js';

/** The interview bot every front door drives (an `ActivityHandler`: call `run(context)` per activity). */
export function createBot(deps: BotDeps): InterviewBot {
  return new InterviewBot(deps);
}
