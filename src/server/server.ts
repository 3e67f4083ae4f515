import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installBotSigningKeys } from '../bot/bot-auth.js';
import { type BotHttpAdapter, createBotAdapter, type TurnHandler } from '../bot/http-adapter.js';
import { type Config, hasAppCredentials } from '../config.js';
import { createRateLimiter } from '../core/rate-limit.js';
import { type ErrorCode, isAppError } from '../errors.js';
import { errorFields, type Logger } from '../log.js';
import type { FetchJson } from '../signing-keys.js';
import { passingStoreFailure } from '../store/failure.js';
import { registerHealthRoute } from './health-route.js';
import { registerMessagesRoute, STORE_RETRY_AFTER_SECONDS } from './messages-route.js';
import { HttpError, Router, sendJson } from './router.js';

export interface HttpServerOptions {
  config: Config;
  logger: Logger;
  bot: TurnHandler;
  /** Defaults to the adapter built from the config's Bot Framework credentials. */
  adapter?: BotHttpAdapter;
  /** More routes (web chat, dashboard, API), registered after the bot's own. */
  registerRoutes?: (router: Router) => void;
  /**
   * Where the Bot Framework token check gets its signing keys (default: the key services over HTTPS, cached;
   * see `installBotSigningKeys`). Tests hand in their own: nothing they run reaches the internet.
   */
  fetchSigningKeys?: FetchJson;
}

export interface BotHttpServer {
  readonly server: Server;
  readonly router: Router;
  /** Listens on loopback-or-any `host` (default all interfaces); resolves with the bound port. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes every connection. */
  drain(graceMs: number): Promise<{ unfinished: number }>;
}

/** The HTTP front door: routing, bot endpoint, health, and graceful draining. Starts nothing by itself. */
export function createHttpServer(options: HttpServerOptions): BotHttpServer {
  const { config, logger, bot } = options;
  const adapter = options.adapter ?? createBotAdapter(config);
  installBotSigningKeys(options.fetchSigningKeys);
  const router = new Router();
  let accepting = true;
  let inFlight = 0;
  let onIdle: (() => void) | null = null;

  registerHealthRoute(router, { accepting: () => accepting });
  registerMessagesRoute(router, {
    adapter,
    bot,
    logger,
    anonymous: !hasAppCredentials(config),
    limiter: createRateLimiter({
      burst: config.RATE_LIMIT_BURST,
      refillPerSecond: config.RATE_LIMIT_PER_SECOND,
    }),
  });
  options.registerRoutes?.(router);

  const server = createServer(
    { keepAliveTimeout: 30_000, requestTimeout: 60_000, headersTimeout: 20_000 },
    (req, res) => {
      inFlight += 1;
      if (!accepting) res.setHeader('connection', 'close');
      void dispatch(router, logger, req, res).finally(() => {
        inFlight -= 1;
        if (inFlight === 0) onIdle?.();
      });
    },
  );
  server.on('clientError', (error, socket) => {
    logger.debug('http.client_error', errorFields(error));
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    router,
    listen: (port, host) =>
      new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          if (address === null || typeof address === 'string')
            reject(new Error('server is not bound to a TCP port'));
          else resolve(address);
        });
      }),
    drain: async (graceMs) => {
      accepting = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const unfinished = inFlight;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}

async function dispatch(
  router: Router,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
    await handler({ req, res, params, url });
  } catch (error) {
    const { status, code, message } = describeError(error);
    if (status >= 500 && !(error instanceof HttpError))
      logger.error('http.error', { method: req.method, status, ...errorFields(error, true) });
    else logger.debug('http.refused', { method: req.method, status, code });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // An unread request body would otherwise be parsed as the next request on a kept-alive connection.
    if (!req.complete) res.setHeader('connection', 'close');
    if (error instanceof HttpError)
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    if (status === 503 && !res.hasHeader('retry-after'))
      res.setHeader('retry-after', String(STORE_RETRY_AFTER_SECONDS));
    if (status === 401 && !res.hasHeader('www-authenticate')) res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, status, { error: { code, message } });
  }
}

/** AppErrors raised below the routes keep their meaning over HTTP; anything else is a 500 that says nothing. */
const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
};

function describeError(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof HttpError)
    return { status: error.status, code: error.wireCode, message: error.message };
  const status = isAppError(error) ? STATUS_OF_CODE[error.code] : undefined;
  if (isAppError(error) && status !== undefined) return { status, code: error.code, message: error.message };
  if (passingStoreFailure(error))
    return { status: 503, code: 'unavailable', message: 'the store is unavailable now; try again shortly' };
  return { status: 500, code: 'internal', message: 'internal error' };
}
