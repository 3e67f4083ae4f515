import { FirstDeliveryUnfinished } from '../bot/deliveries.js';
import {
  type BotAuthentication,
  type BotHttpAdapter,
  botErrorStatus,
  type TurnHandler,
} from '../bot/http-adapter.js';
import { isLoopbackUrl } from '../bot/loopback.js';
import type { Activity } from '../bot/protocol.js';
import type { RateLimiter } from '../core/rate-limit.js';
import { type AppError, isAppError } from '../errors.js';
import type { Logger } from '../log.js';
import { errorFields, hashId } from '../log.js';
import { SigningKeysUnavailable } from '../signing-keys.js';
import { passingStoreFailure } from '../store/failure.js';
import { checkActivity } from './activity.js';
import { runOnFreshState } from './fresh-turn.js';
import { takeOrRefuse } from './rate-limited.js';
import { HttpError, type Router, readJsonBody, sendJson } from './router.js';

/** What the sender of a message refused because the store cannot be reached is told to wait. */
export const STORE_RETRY_AFTER_SECONDS = 5;
/** What the sender of a redelivery whose first delivery is still running is told to wait. */
const REDELIVERY_RETRY_AFTER_SECONDS = 1;

/** Activities are small; anything bigger is refused before it is buffered. */
export const ACTIVITY_BODY_LIMIT = 256 * 1024;

export interface MessagesRouteDeps {
  adapter: BotHttpAdapter;
  bot: TurnHandler;
  logger: Logger;
  limiter: RateLimiter;
  /**
   * Without app credentials nothing proves who sent an activity, so replies posted to its serviceUrl could
   * be aimed at any host: in that mode only loopback service URLs (local tools) or expectReplies are served.
   */
  anonymous: boolean;
}

/** `POST /api/messages`: the Bot Framework endpoint (Teams, Emulator, Direct Line, expectReplies clients). */
export function registerMessagesRoute(
  router: Router,
  { adapter, bot, logger, limiter, anonymous }: MessagesRouteDeps,
): void {
  router.route('POST', '/api/messages', async ({ req, res }) => {
    const started = performance.now();
    const check = checkActivity(await readJsonBody(req, ACTIVITY_BODY_LIMIT));
    if (!check.ok) throw new HttpError(400, 'bad_input', `invalid activity: ${check.problems.join('; ')}`);
    const { activity } = check;
    if (anonymous && activity.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.serviceUrl)) {
      throw new HttpError(
        400,
        'bad_input',
        'without app credentials replies go only to a loopback serviceUrl: use deliveryMode "expectReplies" or configure MicrosoftAppId/MicrosoftAppPassword',
      );
    }
    const turnFields = {
      activityType: activity.type,
      channelId: activity.channelId,
      conversation: hashId(activity.conversation.id),
      deliveryMode: activity.deliveryMode ?? 'normal',
    };
    // Authenticated first: a caller without a valid token must not spend the conversation's allowance.
    const authentication = await authenticate(adapter, activity, req.headers.authorization ?? '', {
      logger,
      turnFields,
    });
    takeOrRefuse(
      limiter,
      `${activity.channelId}:${activity.conversation.id}`,
      'too many messages in this conversation',
    );
    try {
      const outcome = await runOnFreshState(
        { channelId: activity.channelId, conversationId: activity.conversation.id },
        // Each run gets the activity as it came: a run may have changed the one it was given.
        () => adapter.runTurn(authentication, structuredClone(activity), bot),
        logger,
      );
      if (outcome.body === undefined) {
        res.writeHead(outcome.status, { 'content-length': 0, 'cache-control': 'no-store' });
        res.end();
      } else {
        sendJson(res, outcome.status, outcome.body);
      }
      logger.info('turn', { ...turnFields, status: outcome.status, latencyMs: elapsed(started) });
    } catch (error) {
      if (error instanceof HttpError) throw error;
      const status = botErrorStatus(error);
      if (status === 401 || status === 403) {
        logger.warn('turn.refused', { ...turnFields, status, reason: errorFields(error).error });
        throw new HttpError(
          status,
          status === 401 ? 'unauthorized' : 'forbidden',
          'Bot Framework authentication failed',
        );
      }
      if (causeOfType(error, FirstDeliveryUnfinished)) {
        logger.info('turn.redelivery_early', { ...turnFields, status: 503 });
        throw new HttpError(
          503,
          'unavailable',
          "this message's first delivery is still being answered; nothing was acknowledged, send it again",
          { 'retry-after': String(REDELIVERY_RETRY_AFTER_SECONDS) },
        );
      }
      const storeDown = passingStoreFailure(error);
      if (storeDown) {
        logger.error('turn.store_unavailable', {
          ...turnFields,
          status: 503,
          latencyMs: elapsed(started),
          reason: storeDown.message,
        });
        throw new HttpError(
          503,
          'unavailable',
          'the store cannot be reached now; nothing was acknowledged, send the message again',
          { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) },
        );
      }
      const refusal = inputRefusal(error);
      if (refusal) {
        logger.warn('turn.refused', { ...turnFields, status: 400, reason: refusal.message });
        throw new HttpError(400, 'bad_input', refusal.message);
      }
      logger.error('turn.failed', {
        ...turnFields,
        latencyMs: elapsed(started),
        ...errorFields(error, logger.isEnabled('debug')),
      });
      throw new HttpError(500, 'internal', 'the turn failed; nothing was acknowledged, send it again');
    }
  });
}

/**
 * The Bot Framework token check. A token that does not pass is a 401 (403 when botbuilder says so), whatever
 * part of the check refused it; signing keys that cannot be fetched now are a 503 with `Retry-After` (the
 * request is sound, the check cannot be made), never a turn failure.
 */
async function authenticate(
  adapter: BotHttpAdapter,
  activity: Activity,
  authHeader: string,
  { logger, turnFields }: { logger: Logger; turnFields: Record<string, unknown> },
): Promise<BotAuthentication> {
  try {
    return await adapter.authenticate(activity, authHeader);
  } catch (error) {
    const unavailable = causeOfType(error, SigningKeysUnavailable);
    if (unavailable) {
      logger.warn('turn.auth_unavailable', {
        ...turnFields,
        status: 503,
        reason: unavailable.message,
        ...(unavailable.cause === undefined ? {} : { cause: errorFields(unavailable.cause).error }),
      });
      throw new HttpError(
        503,
        'unavailable',
        'the Bot Framework token cannot be checked now (its signing keys cannot be fetched): send the activity again later',
        { 'retry-after': String(unavailable.retryAfterSeconds) },
      );
    }
    const status = botErrorStatus(error) === 403 ? 403 : 401;
    logger.warn('turn.refused', { ...turnFields, status, reason: errorFields(error).error });
    throw new HttpError(
      status,
      status === 401 ? 'unauthorized' : 'forbidden',
      'Bot Framework authentication failed',
    );
  }
}

/** `error`, or an error it wraps (`cause`, or botbuilder's `error`), of the given class. */
function causeOfType<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof type) return current;
    current = 'error' in current && current.error instanceof Error ? current.error : current.cause;
  }
  return null;
}

/**
 * The store's refusal of what the respondent sent (an AppError `bad_input`), found under the wrappers
 * botbuilder puts around errors raised in a dialog (`DialogContextError.error`, `cause`).
 */
function inputRefusal(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (isAppError(current)) return current.code === 'bad_input' ? current : null;
    current = 'error' in current && current.error instanceof Error ? current.error : current.cause;
  }
  return null;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
