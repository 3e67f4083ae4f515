import { z } from 'zod';
import { DirectLineAdapter, WEBCHAT_CHANNEL_ID, WEBCHAT_SERVICE_URL } from '../../bot/directline-adapter.js';
import { BOT_EVENT_SHOW_PENDING } from '../../bot/events.js';
import type { Activity, ChannelAccount } from '../../bot/protocol.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import type { Logger } from '../../log.js';
import { runOnFreshState } from '../../server/fresh-turn.js';
import { STORE_RETRY_AFTER_SECONDS } from '../../server/messages-route.js';
import { takeOrRefuse } from '../../server/rate-limited.js';
import {
  HttpError,
  type RouteContext,
  type Router,
  readBody,
  readJsonBody,
  requireJsonContent,
  sendJson,
} from '../../server/router.js';
import { passingStoreFailure } from '../../store/failure.js';
import { refuseUnlessFromThisComputer } from '../local-only.js';
import type { BotLogic } from '../services.js';
import { ClientActivity, checkClientActivity } from './client-activity.js';
import type { ConversationGrant, DirectLineConversations } from './conversations.js';

export const DIRECTLINE_PREFIX = '/directline';
/**
 * Uploads are not offered: an activity is a message of at most MAX_TEXT_LENGTH characters (the page cuts
 * longer ones) with its envelope. Room for it even when each character takes six bytes as escaped JSON.
 */
const BODY_LIMIT = 256 * 1024;
/** What we announce; tokens actually live as long as their conversation. Web Chat refreshes well before. */
const TOKEN_LIFETIME_SECONDS = 3600;

export interface DirectLineDeps {
  conversations: DirectLineConversations;
  bot: BotLogic;
  /** The bot's account in web chat conversations. */
  botAccount: ChannelAccount;
  /** Counts new conversations per client address and posted activities per conversation. */
  limiter: RateLimiter;
  /** Whether only requests from this computer are served (a deployed bot: see web/local-only.ts). */
  localOnly: boolean;
  logger?: Logger;
}

/**
 * The Direct Line 3.0 REST subset Web Chat uses when polling (`webSocket: false`): tokens, conversations,
 * posting and polling activities. Every activity goes through the same bot as the other front doors.
 */
export function registerDirectLineRoutes(outer: Router, deps: DirectLineDeps): DirectLineAdapter {
  const { conversations, bot, botAccount, limiter, logger } = deps;
  const adapter = new DirectLineAdapter(conversations);
  // Refused before anything is read, created or counted.
  const router = deps.localOnly ? localOnlyRoutes(outer) : outer;
  const queues = new Map<string, Promise<void>>();

  /**
   * One turn at a time per conversation, in arrival order, so bot state never races with itself in this
   * process; a turn that another server sharing the database got in before is run again on fresh state.
   */
  const runTurn = (activity: Partial<Activity>): Promise<void> => {
    const conversationId = activity.conversation?.id ?? '';
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() =>
      runOnFreshState(
        { channelId: WEBCHAT_CHANNEL_ID, conversationId },
        // Each run gets the activity as it came: a run may have changed the one it was given.
        () => adapter.processActivity(structuredClone(activity), (context) => bot.run(context)),
        logger,
      ),
    );
    const settled = turn.catch(() => undefined);
    queues.set(conversationId, settled);
    void settled.then(() => {
      if (queues.get(conversationId) === settled) queues.delete(conversationId);
    });
    return turn.catch((error: unknown) => {
      if (error instanceof HttpError) throw error;
      const storeDown = passingStoreFailure(error);
      logger?.error(storeDown ? 'webchat.store_unavailable' : 'webchat.turn_failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (storeDown) {
        throw new HttpError(
          503,
          'unavailable',
          'the store cannot be reached now; nothing was recorded, send the message again',
          { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) },
        );
      }
      throw new HttpError(500, 'internal', 'the bot failed on this message; send it again');
    });
  };

  const baseActivity = (grant: ConversationGrant, name?: string): Partial<Activity> => ({
    channelId: WEBCHAT_CHANNEL_ID,
    serviceUrl: WEBCHAT_SERVICE_URL,
    conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: grant.userId, name: name ?? '', role: 'user' },
    recipient: botAccount,
    timestamp: new Date(),
  });

  const grantFor = async ({ req, params }: RouteContext): Promise<ConversationGrant> => {
    const grant = await conversations.authenticate(req.headers.authorization);
    if (params.id !== undefined && params.id !== grant.conversationId) {
      throw new HttpError(403, 'forbidden', 'this token belongs to another conversation');
    }
    return grant;
  };

  /**
   * A page opened on a conversation this process holds no transcript for (the server restarted since)
   * would show nothing: the bot is asked to show where the respondent is, e.g. the pending question.
   */
  const showWhereTheyAreIfForgotten = async (grant: ConversationGrant): Promise<void> => {
    // An interview erased outside this conversation's turns leaves nothing of it to be shown again.
    await conversations.forgetIfErased(grant.conversationId);
    if (!conversations.startTranscriptIfNone(grant.conversationId)) return;
    // A failure is logged by runTurn; the page is still served, and the respondent's next message goes on.
    await runTurn({ ...baseActivity(grant), type: 'event', name: BOT_EVENT_SHOW_PENDING }).catch(
      () => undefined,
    );
  };

  const describe = (grant: ConversationGrant) => ({
    conversationId: grant.conversationId,
    token: grant.token,
    expires_in: TOKEN_LIFETIME_SECONDS,
  });

  // Every POST: a body, when one is sent, is JSON (a page of another site cannot send one without asking).
  router.route('POST', `${DIRECTLINE_PREFIX}/tokens/generate`, async ({ req, res }) => {
    requireJsonContent(req);
    takeOrRefuse(
      limiter,
      `client:${req.socket.remoteAddress ?? ''}`,
      'too many new conversations from this address',
    );
    const grant = await conversations.create();
    sendJson(res, 200, { ...describe(grant), userId: grant.userId });
  });

  router.route('POST', `${DIRECTLINE_PREFIX}/tokens/refresh`, async (ctx) => {
    requireJsonContent(ctx.req);
    sendJson(ctx.res, 200, describe(await grantFor(ctx)));
  });

  router.route('POST', `${DIRECTLINE_PREFIX}/conversations`, async (ctx) => {
    requireJsonContent(ctx.req);
    const grant = await grantFor(ctx);
    takeOrRefuse(limiter, conversationKey(grant), 'too many messages in this conversation');
    const locale = await startLocale(ctx);
    // Channels announce a new conversation; the bot greets on it once (it remembers having greeted in the
    // conversation's state, so this process keeps no list of conversations that grows with every visitor).
    await runTurn({
      ...baseActivity(grant),
      type: 'conversationUpdate',
      membersAdded: [botAccount, { id: grant.userId, name: '', role: 'user' }],
      ...(locale ? { locale } : {}),
    });
    sendJson(ctx.res, 201, describe(grant));
  });

  router.route('GET', `${DIRECTLINE_PREFIX}/conversations/:id`, async (ctx) => {
    const grant = await grantFor(ctx);
    await showWhereTheyAreIfForgotten(grant);
    sendJson(ctx.res, 200, describe(grant));
  });

  router.route('GET', `${DIRECTLINE_PREFIX}/conversations/:id/activities`, async (ctx) => {
    const grant = await grantFor(ctx);
    await showWhereTheyAreIfForgotten(grant);
    await conversations.showQueued(grant.conversationId);
    const watermark = ctx.url.searchParams.get('watermark') ?? undefined;
    sendJson(ctx.res, 200, conversations.since(grant.conversationId, watermark));
  });

  router.route('POST', `${DIRECTLINE_PREFIX}/conversations/:id/activities`, async (ctx) => {
    requireJsonContent(ctx.req);
    const grant = await grantFor(ctx);
    // Refused before it is read or shown: the message stays the client's to send again.
    takeOrRefuse(limiter, conversationKey(grant), 'too many messages in this conversation');
    const check = checkClientActivity(await readJsonBody(ctx.req, BODY_LIMIT));
    if (!check.ok) throw new HttpError(400, 'bad_input', `invalid activity: ${check.problem}`);
    const { from, ...incoming } = check.activity;
    const clientActivityId = incoming.channelData?.clientActivityID;
    const before =
      typeof clientActivityId === 'string'
        ? conversations.postedBefore(grant.conversationId, clientActivityId)
        : null;
    if (before !== null) {
      sendJson(ctx.res, 200, { id: before });
      return;
    }
    const activity: Partial<Activity> = { ...incoming, ...baseActivity(grant, from?.name) };
    // Web Chat shows its own message once it comes back with our id (matched on channelData.clientActivityID).
    const [id] = conversations.append(grant.conversationId, [JSON.parse(JSON.stringify(activity))]);
    await runTurn({ ...activity, id });
    sendJson(ctx.res, 200, { id });
  });

  return adapter;
}

/** Registers routes on `router` that answer only requests from this computer. */
function localOnlyRoutes(router: Router): Pick<Router, 'route'> {
  return {
    route: (method, pattern, handler) =>
      router.route(method, pattern, async (ctx) => {
        refuseUnlessFromThisComputer(ctx.req);
        await handler(ctx);
      }),
  };
}

/** What Direct Line's start of a conversation may carry (Web Chat's `conversationStartProperties`). */
const ConversationStart = z.object({ locale: ClientActivity.shape.locale });
/** The start of a conversation is an envelope with the page's locale: a few hundred bytes. */
const START_BODY_LIMIT = 4 * 1024;

/**
 * The locale the page says its reader reads, so the bot greets them in their language; a start without a
 * body (or with a locale that is no language tag) is greeted in the bot's default language.
 */
async function startLocale({ req }: RouteContext): Promise<string | undefined> {
  const body = await readBody(req, START_BODY_LIMIT);
  if (body.length === 0) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_input', 'malformed JSON in the start of the conversation');
  }
  const start = ConversationStart.safeParse(json);
  return start.success ? start.data.locale : undefined;
}

/** The limiter's key for a web chat conversation (the channels' are `<channel>:<conversation>` too). */
function conversationKey(grant: ConversationGrant): string {
  return `${WEBCHAT_CHANNEL_ID}:${grant.conversationId}`;
}
