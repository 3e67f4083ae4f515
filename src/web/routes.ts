import { LOCAL_OWNER } from '../bot/create-bot.js';
import type { DirectLineAdapter } from '../bot/directline-adapter.js';
import { hasAppCredentials } from '../config.js';
import { createRateLimiter } from '../core/rate-limit.js';
import type { Router } from '../server/router.js';
import type { InterviewStore } from '../store/types.js';
import { registerDashboardApi } from './dashboard/api.js';
import { entraSigningKeys } from './dashboard/teams-sso.js';
import { DirectLineConversations } from './directline/conversations.js';
import { registerDirectLineRoutes } from './directline/routes.js';
import type { WebServices } from './services.js';
import { registerStaticRoutes } from './static.js';

/**
 * The interviewer the start-up dashboard token is issued for, when no Teams sign-in is involved: the
 * owner the bot gives interviews started without an invitation in local mode.
 */
export const LOCAL_INTERVIEWER_ID = LOCAL_OWNER;
/** The bot's account in web chat conversations (its app id when one is configured). */
export const WEBCHAT_BOT_NAME = 'sme-interview';

export interface WebRoutes {
  /** Continues web chat conversations (e.g. an interviewer's, for the proactive summary). */
  directLine: DirectLineAdapter;
  conversations: DirectLineConversations;
}

/** Mounts the web chat (`GET /`), its Direct Line endpoint, the dashboard and the dashboard API. */
export function registerWebRoutes(router: Router, services: WebServices): WebRoutes {
  const { config, store, bot, logger } = services;
  // Anonymous local mode listens on loopback unless HOST says otherwise; a deployed bot listens everywhere.
  const webChatLocalOnly = hasAppCredentials(config);
  const conversations = new DirectLineConversations(store.kv);
  const directLine = registerDirectLineRoutes(router, {
    conversations,
    bot,
    botAccount: { id: config.MicrosoftAppId ?? WEBCHAT_BOT_NAME, name: WEBCHAT_BOT_NAME, role: 'bot' },
    // The same limits as the Bot Framework endpoint's: the web chat is no way around them.
    limiter: createRateLimiter({
      burst: config.RATE_LIMIT_BURST,
      refillPerSecond: config.RATE_LIMIT_PER_SECOND,
    }),
    localOnly: webChatLocalOnly,
    ...(logger ? { logger } : {}),
  });
  for (const middleware of services.middleware ?? []) directLine.use(middleware);
  const teamsSso =
    hasAppCredentials(config) && config.MicrosoftAppId
      ? { appId: config.MicrosoftAppId, keys: services.teamsSigningKeys ?? entraSigningKeys() }
      : undefined;
  registerDashboardApi(router, {
    ...(logger ? { logger } : {}),
    store,
    auth: { store, tokenLifetimeDays: config.DASHBOARD_TOKEN_DAYS, ...(teamsSso ? { teamsSso } : {}) },
  });
  registerStaticRoutes(router, { webChatLocalOnly });
  return { directLine, conversations };
}

/** A dashboard token for the local interviewer, to print at start-up (only its hash is stored). */
export async function issueLocalDashboardToken(
  store: Pick<InterviewStore, 'upsertInterviewer' | 'issueApiToken'>,
  interviewerId: string = LOCAL_INTERVIEWER_ID,
): Promise<string> {
  await store.upsertInterviewer({ id: interviewerId });
  return store.issueApiToken(interviewerId);
}
