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
  /** Drains in-flight requests, then runs `onStopped`; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const http = createHttpServer(options);
  const address = await http.listen(config.PORT).catch((error: unknown) => {
    throw listenError(config.PORT, error);
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
  return { port: address.port, stop };
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

/** A port that cannot be had is a configuration problem the person starting the server can mend. */
function listenError(port: number, error: unknown): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
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

export function localUrls(port: number): { chatUrl: string; dashboardUrl: string } {
  return { chatUrl: `http://localhost:${port}/`, dashboardUrl: `http://localhost:${port}/dashboard` };
}
