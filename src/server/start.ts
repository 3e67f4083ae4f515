import { createServer, isIP } from 'node:net';
import { type Config, listenHost } from '../config.js';
import { AppError } from '../errors.js';
import { errorFields, type Logger } from '../log.js';
import { createHttpServer, type HttpServerOptions } from './server.js';

/** How long in-flight turns get to finish once a shutdown is asked for. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface StartOptions extends HttpServerOptions {
  /** Runs after the last request has finished (closes the store). */
  onStopped?: () => Promise<void>;
}

export interface RunningServer {
  readonly port: number;
  /** The address it is bound to: `127.0.0.1`, or `::` / `0.0.0.0` for every interface. */
  readonly host: string;
  /** Drains in-flight requests, then runs `onStopped`; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const http = createHttpServer(options);
  const host = listenHost(config);
  const address = await http.listen(config.PORT, host).catch((error: unknown) => {
    throw listenError(config.PORT, host, error);
  });
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info('server.stopping');
      const { unfinished } = await http.drain(SHUTDOWN_GRACE_MS);
      if (unfinished > 0) logger.warn('server.unfinished_requests', { unfinished });
      await options.onStopped?.();
      logger.info('server.stopped');
    })();
    return stopping;
  };
  return { port: address.port, host: address.address, stop };
}

/**
 * Binds the address and port the server is to listen on, then lets them go: a HOST that is no address of this
 * computer, or a PORT that cannot be had, stops the start with its one line before anything is opened or
 * created (the store, its folder and file).
 */
export async function checkListenAddress(config: Config): Promise<void> {
  const host = listenHost(config);
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(config.PORT, host, () => resolve());
    });
  } catch (error) {
    throw listenError(config.PORT, host, error);
  }
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/** SIGTERM/SIGINT: stop accepting, finish in-flight turns, close the store, exit 0 (1 if closing failed). */
export function stopOnSignals(running: RunningServer, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info('server.signal', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('server.stop_failed', errorFields(error, true));
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** A port or address that cannot be had is a configuration problem the person starting the server can mend. */
function listenError(port: number, host: string | undefined, error: unknown): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (host !== undefined && code === 'EADDRNOTAVAIL') {
    return new AppError(
      'bad_config',
      `HOST ${host} is not an address of this computer: set HOST to one of its addresses, or unset it`,
    );
  }
  if (host !== undefined && (code === 'ENOTFOUND' || code === 'EAI_AGAIN')) {
    return new AppError(
      'bad_config',
      `HOST ${host} is a name this computer cannot resolve: set HOST to one of its addresses, or unset it`,
    );
  }
  if (code === 'EADDRINUSE') {
    return new AppError(
      'bad_config',
      `PORT ${port} is already in use: stop the program using it or set PORT to a free port`,
    );
  }
  if (code === 'EACCES') {
    return new AppError(
      'bad_config',
      `PORT ${port} needs privileges this process lacks: set PORT above 1023`,
    );
  }
  return error;
}

/** Every-interface addresses, which no browser can open; the same computer reaches them over loopback. */
const EVERY_INTERFACE = new Set(['::', '0.0.0.0']);

/** Whether the server is bound to every interface rather than to one address. */
export function listensEverywhere(host: string): boolean {
  return EVERY_INTERFACE.has(host);
}

/** Whether only this computer can reach the address. */
export function isLoopback(host: string): boolean {
  return host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * The web chat and dashboard addresses of a server bound to `host`, as a browser on this computer opens
 * them: the address itself, in brackets for IPv6, or loopback for every interface (`localhost` for `::`,
 * which takes IPv6 and IPv4 alike; `127.0.0.1` for the IPv4-only `0.0.0.0`).
 */
export function localUrls(host: string, port: number): { chatUrl: string; dashboardUrl: string } {
  const reachable = host === '::' ? 'localhost' : host === '0.0.0.0' ? '127.0.0.1' : host;
  const origin = `http://${isIP(reachable) === 6 ? `[${reachable}]` : reachable}:${port}`;
  return { chatUrl: `${origin}/`, dashboardUrl: `${origin}/dashboard` };
}
