import type { RateLimiter } from '../core/rate-limit.js';
import { HttpError } from './router.js';

/**
 * Counts one request against `key`'s limit; over it, refuses with a 429 that says what was refused and
 * when to send again (also in `Retry-After`), before anything of the request is acted on.
 */
export function takeOrRefuse(limiter: RateLimiter, key: string, refused: string): void {
  const decision = limiter.take(key);
  if (decision.allowed) return;
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  throw new HttpError(429, 'rate_limited', `${refused}; send again in ${seconds} s`, {
    'retry-after': String(seconds),
  });
}
