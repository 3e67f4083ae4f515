import { describe, expect, it } from 'vitest';
import { CachedKeySet, type KeySetTiming, SigningKeysUnavailable } from '../../src/signing-keys.js';

const TIMING: KeySetTiming = {
  refreshMs: 86_400_000,
  unknownKeyRefetchMs: 300_000,
  failureBackoffMs: 60_000,
};

/** A key set over a scripted key service and a clock the test moves. */
function keySet(answers: Array<() => unknown>) {
  let now = 1_000_000;
  let calls = 0;
  const set = new CachedKeySet(
    async () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      return answer?.();
    },
    'the test key service',
    TIMING,
    () => now,
  );
  return {
    set,
    calls: () => calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const keys = (...kids: string[]) => ({
  keys: kids.map((kid) => ({ kid, kty: 'RSA', n: 'AQAB', e: 'AQAB' })),
});
const offline = () => {
  throw new TypeError('fetch failed');
};

describe('cached signing keys', () => {
  it('fetches once, then answers known and unknown key ids from memory until the refetch interval', async () => {
    const { set, calls, advance } = keySet([() => keys('a'), () => keys('a', 'b')]);
    expect(await set.get('a')).toMatchObject({ kid: 'a' });
    for (let index = 0; index < 20; index += 1) expect(await set.get(`made-up-${index}`)).toBeNull();
    expect(calls()).toBe(1);
    advance(TIMING.unknownKeyRefetchMs);
    // A key rolled over: found by the one refetch an unknown id may cause per interval.
    expect(await set.get('b')).toMatchObject({ kid: 'b' });
    expect(await set.get('c')).toBeNull();
    expect(calls()).toBe(2);
  });

  it('remembers a failed fetch for the back-off, answering that the keys cannot be had now', async () => {
    const { set, calls, advance } = keySet([offline, () => keys('a')]);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, index) => set.get(`k${index}`).catch((error: unknown) => error)),
    );
    for (const attempt of attempts) expect(attempt).toBeInstanceOf(SigningKeysUnavailable);
    expect(await set.get('a').catch((error: unknown) => error)).toMatchObject({ retryAfterSeconds: 60 });
    expect(calls()).toBe(1);
    advance(TIMING.failureBackoffMs);
    expect(await set.get('a')).toMatchObject({ kid: 'a' });
    expect(calls()).toBe(2);
  });

  it('keeps serving the keys it holds when a refresh fails', async () => {
    const { set, calls, advance } = keySet([() => keys('a'), offline]);
    expect(await set.get('a')).toMatchObject({ kid: 'a' });
    advance(TIMING.refreshMs);
    expect(await set.get('a')).toMatchObject({ kid: 'a' });
    expect(await set.get('a')).toMatchObject({ kid: 'a' });
    expect(calls()).toBe(2);
  });
});
