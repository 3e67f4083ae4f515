import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { startRetention } from '../../src/store/retention.js';
import { captureLog } from '../server/helpers.js';

const DAY = 24 * 60 * 60 * 1000;

async function interview(store: ReturnType<typeof createMemoryStore>, completed: boolean) {
  const meta = await store.createInterview({
    language: 'fr',
    profile: 'manager',
    guideVersion: '1',
    interviewerId: null,
    conversationKey: null,
  });
  if (completed) await store.updateInterview(meta.id, { status: 'completed' });
  return meta.id;
}

describe('retention', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('purges completed interviews older than RETENTION_DAYS, and unfinished ones idle that long, at start and then periodically', async () => {
    vi.useFakeTimers();
    let now = new Date('2025-01-01T00:00:00Z').getTime();
    const clock = () => new Date(now);
    const store = createMemoryStore({ now: clock });
    const old = await interview(store, true);
    const running = await interview(store, false);
    now += 10 * DAY;
    const recent = await interview(store, true);
    const log = captureLog('info');
    const stop = startRetention(store, 7, { clock, intervalMs: 60_000, log: log.logger });
    await vi.advanceTimersByTimeAsync(0);
    expect(await store.getInterview(old)).toBeNull();
    expect(await store.getInterview(recent)).not.toBeNull();
    // Left in progress with no activity for longer than the period: erased too.
    expect(await store.getInterview(running)).toBeNull();
    expect(log.lines().some((line) => line.includes('retention.purged'))).toBe(true);

    now += 8 * DAY;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await store.getInterview(recent)).toBeNull();

    stop();
    const later = await interview(store, true);
    now += 30 * DAY;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await store.getInterview(later)).not.toBeNull();
  });

  it('logs a failed pass and keeps running', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const log = captureLog('info');
    const stop = startRetention(
      {
        purgeUnfinished: async () => 0,
        purgeCompleted: async () => {
          calls += 1;
          if (calls === 1) throw new Error('database unavailable');
          return 0;
        },
      },
      30,
      { intervalMs: 1000, log: log.logger },
    );
    await vi.advanceTimersByTimeAsync(2500);
    stop();
    expect(calls).toBe(3);
    expect(log.lines().filter((line) => line.includes('retention.failed'))).toHaveLength(1);
  });
});
