import { createServices, type Services } from '../app.js';
import { WEBCHAT_CHANNEL_ID } from '../bot/directline-adapter.js';
import { createBotAdapter } from '../bot/http-adapter.js';
import { LOCAL_OWNER } from '../bot/interview-bot.js';
import { summaryDeliveryHook } from '../bot/invitation-delivery.js';
import { interviewerIdOf, invitationMiddleware } from '../bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../bot/invitation-prompts.js';
import { type Config, hasAppCredentials } from '../config.js';
import type { Logger } from '../log.js';
import { openStore } from '../store/open.js';
import { startRetention } from '../store/retention.js';
import { registerWebRoutes, type WebRoutes } from '../web/routes.js';
import type { StartOptions } from './start.js';

export interface AppServer {
  services: Services;
  /** What `startServer` needs: the bot on the Bot Framework adapter, the web routes beside it. */
  start: StartOptions;
}

/**
 * The product's wiring behind one HTTP server: store, bot and its services, invitations on both front
 * doors (Bot Framework channels and the web chat), and the proactive summary to the interviewer over
 * whichever of the two the invitation came from.
 */
export async function createAppServer(config: Config, logger: Logger): Promise<AppServer> {
  const prompts = loadInvitationPrompts();
  const store = await openStore(config);
  try {
    const adapter = createBotAdapter(config);
    const invitations = invitationMiddleware({
      store,
      prompts,
      anonymous: !hasAppCredentials(config),
      ...(config.MicrosoftAppId ? { botId: config.MicrosoftAppId } : {}),
    });
    adapter.use(invitations);
    // The web chat answers only this computer with app credentials (web/local-only.ts), and only this computer
    // or whom HOST lets in without them: whoever uses it is the local interviewer, whose dashboard the
    // start-up token opens, never an anonymous web chat user.
    const webChatInvitations = invitationMiddleware({
      store,
      prompts,
      anonymous: true,
      ...(config.MicrosoftAppId ? { botId: config.MicrosoftAppId } : {}),
    });
    // The web chat adapter exists once the routes are mounted, which needs the bot: resolved at delivery time.
    let web: WebRoutes | null = null;
    const services = await createServices(config, {
      store,
      logger,
      // A respondent who starts an interview alone owns it: the local interviewer in anonymous local mode,
      // else their own identity, which is what the dashboard's sign-in resolves them to.
      ...(hasAppCredentials(config)
        ? {
            ownerOf: (context) =>
              context.activity.channelId === WEBCHAT_CHANNEL_ID ? LOCAL_OWNER : interviewerIdOf(context),
          }
        : {}),
      hooks: {
        onCompleted: summaryDeliveryHook({
          store,
          prompts,
          channels: adapter,
          webChat: {
            continueConversationAsync: (appId, reference, logic) => {
              if (!web) throw new Error('web chat routes are not mounted');
              return web.directLine.continueConversationAsync(appId, reference, logic);
            },
          },
          appId: config.MicrosoftAppId ?? '',
          logger,
        }),
      },
    });
    const stopRetention = config.RETENTION_DAYS
      ? startRetention(store, config.RETENTION_DAYS, { log: logger })
      : () => {};
    const start: StartOptions = {
      config,
      logger,
      bot: services.bot,
      adapter,
      registerRoutes: (router) => {
        web = registerWebRoutes(router, {
          config,
          store,
          bot: services.bot,
          logger,
          middleware: [webChatInvitations],
        });
      },
      onStopped: async () => {
        stopRetention();
        await services.close();
      },
    };
    return { services, start };
  } catch (error) {
    await store.close();
    throw error;
  }
}
