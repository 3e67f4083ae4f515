import { AppError } from '../errors.js';

/**
 * Per-conversation token buckets: each conversation may send `burst` messages at once and then one
 * every `1 / refillPerSecond` seconds. Pure: the clock is injected. Memory is bounded: past `maxKeys`
 * conversations the least recently seen one is forgotten (a forgotten conversation starts full again,
 * which only ever errs on the side of the respondent).
 */
export interface RateLimitOptions {
  burst: number;
  refillPerSecond: number;
  maxKeys: number;
  now: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: milliseconds until one message is allowed again. */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export const DEFAULT_RATE_LIMIT = { burst: 10, refillPerSecond: 1, maxKeys: 10_000 } as const;

export interface RateLimiter {
  take(key: string): RateDecision;
  /** Conversations currently tracked (at most `maxKeys`). */
  readonly size: number;
}

export function createRateLimiter(options: Partial<RateLimitOptions> = {}): RateLimiter {
  const burst = options.burst ?? DEFAULT_RATE_LIMIT.burst;
  const refill = options.refillPerSecond ?? DEFAULT_RATE_LIMIT.refillPerSecond;
  const maxKeys = options.maxKeys ?? DEFAULT_RATE_LIMIT.maxKeys;
  const now = options.now ?? Date.now;
  if (!(burst >= 1 && refill > 0 && maxKeys >= 1))
    throw new AppError('bad_config', 'rate limit needs burst >= 1, refillPerSecond > 0 and maxKeys >= 1');
  // A Map iterates in insertion order: re-inserting on every use keeps the least recent first.
  const buckets = new Map<string, Bucket>();
  return {
    take(key) {
      const t = now();
      const previous = buckets.get(key);
      const elapsed = previous ? Math.max(0, t - previous.at) / 1000 : 0;
      const tokens = previous ? Math.min(burst, previous.tokens + elapsed * refill) : burst;
      buckets.delete(key);
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: t });
      while (buckets.size > maxKeys) {
        const oldest = buckets.keys().next();
        if (oldest.done) break;
        buckets.delete(oldest.value);
      }
      return { allowed, retryAfterMs: allowed ? 0 : Math.ceil(((1 - tokens) / refill) * 1000) };
    },
    get size() {
      return buckets.size;
    },
  };
}
