import { errorFields, type Logger, silentLogger } from '../log.js';
import type { InterviewStore } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Purging is cheap and days-grained; hourly keeps an expired interview at most an hour too long. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface RetentionOptions {
  clock?: () => Date;
  intervalMs?: number;
  log?: Logger;
}

/**
 * Erases completed interviews older than `days` (RETENTION_DAYS): once now, then every `intervalMs`.
 * The timer does not keep the process alive. Returns the function that stops it.
 */
export function startRetention(
  store: Pick<InterviewStore, 'purgeCompleted'>,
  days: number,
  options: RetentionOptions = {},
): () => void {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  let running: Promise<number> | null = null;
  const purgeNow = (): Promise<number> => {
    // A slow pass is never doubled by the next tick.
    running ??= store
      .purgeCompleted(new Date(clock().getTime() - days * DAY_MS))
      .then(
        (purged) => {
          if (purged > 0) log.info('retention.purged', { purged, days });
          return purged;
        },
        (error: unknown) => {
          log.error('retention.failed', errorFields(error));
          return 0;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  void purgeNow();
  const timer = setInterval(() => void purgeNow(), options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
