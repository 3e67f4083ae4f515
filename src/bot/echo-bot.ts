import { ActivityHandler, MessageFactory } from 'botbuilder';

/**
 * The smallest bot on the same adapter: echoes each message. The latency benchmark's baseline, and a
 * way to check the HTTP front door without the interview logic behind it.
 */
export function createEchoBot(): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(MessageFactory.text(context.activity.text));
    await next();
  });
  return bot;
}
