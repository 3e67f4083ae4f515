import { createServices, type Services } from '../app.js';
import { createBotAdapter } from '../bot/http-adapter.js';
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
    // The web chat adapter exists once the routes are mounted, which needs the bot: resolved at delivery time.
    let web: WebRoutes | null = null;
    const services = await createServices(config, {
      store,
      logger,
      // A respondent who starts an interview alone owns it: the local interviewer in anonymous local mode,
      // else their own identity, which is what the dashboard's sign-in resolves them to.
      ...(hasAppCredentials(config) ? { ownerOf: interviewerIdOf } : {}),
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
          middleware: [invitations],
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
