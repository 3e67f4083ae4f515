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
 * Erases, once now and then every `intervalMs`, the interviews kept longer than `days` (RETENTION_DAYS):
 * completed ones `days` after their completion, and those left unfinished (in progress or paused, abandoned
 * as often as not) `days` after their last activity, so no interview outlives the period by being dropped
 * half-way. The timer does not keep the process alive. Returns the function that stops it.
 */
export function startRetention(
  store: Pick<InterviewStore, 'purgeCompleted' | 'purgeUnfinished'>,
  days: number,
  options: RetentionOptions = {},
): () => void {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  let running: Promise<number> | null = null;
  const purge = async (): Promise<number> => {
    const cutoff = new Date(clock().getTime() - days * DAY_MS);
    const completed = await store.purgeCompleted(cutoff);
    const unfinished = await store.purgeUnfinished(cutoff);
    if (completed + unfinished > 0)
      log.info('retention.purged', { purged: completed + unfinished, completed, unfinished, days });
    return completed + unfinished;
  };
  const purgeNow = (): Promise<number> => {
    // A slow pass is never doubled by the next tick.
    running ??= purge()
      .catch((error: unknown) => {
        log.error('retention.failed', errorFields(error));
        return 0;
      })
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
