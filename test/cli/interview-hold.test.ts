import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_LAPSE_MS, InterviewHold } from '../../src/cli/interview-hold.js';
import { createMemoryStore } from '../../src/store/memory.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the hold a terminal chat keeps on its interview', () => {
  it('lapses once its chat stops renewing it (suspended), and that chat then knows it lost it', async () => {
    vi.useFakeTimers({ now: new Date('2025-05-12T10:00:00Z') });
    const { kv } = createMemoryStore();
    const clock = { now: () => new Date(), isRunning: () => true };
    const laptop = new InterviewHold(kv, clock);
    const desktop = new InterviewHold(kv, clock);
    await laptop.take('entretien-1');
    await expect(desktop.take('entretien-1')).rejects.toThrow(/open in another terminal/);

    // While the laptop's chat runs it renews its hold, however long the interview lasts.
    await vi.advanceTimersByTimeAsync(2 * HOLD_LAPSE_MS);
    await expect(desktop.take('entretien-1')).rejects.toThrow(/open in another terminal/);

    // Suspended (time passes, its timers do not run): the desktop may then take the interview up.
    vi.setSystemTime(Date.now() + HOLD_LAPSE_MS + 1000);
    await desktop.take('entretien-1');
    expect(laptop.lost).toBe(false);
    // Woken up, the laptop's chat finds out before it records anything more.
    await vi.advanceTimersByTimeAsync(HOLD_LAPSE_MS / 2);
    expect(laptop.lost).toBe(true);
    await laptop.release();
    await expect(new InterviewHold(kv, clock).take('entretien-1')).rejects.toThrow(
      /open in another terminal/,
    );
    await desktop.release();
  });

  it('is freed at once when the chat holding it was killed', async () => {
    const { kv } = createMemoryStore();
    let killed = false;
    const clock = { now: () => new Date(), isRunning: () => !killed };
    const killedChat = new InterviewHold(kv, clock);
    await killedChat.take('entretien-2');
    const next = new InterviewHold(kv, clock);
    await expect(next.take('entretien-2')).rejects.toThrow(/open in another terminal/);
    killed = true;
    await next.take('entretien-2');
    expect(next.interviewId).toBe('entretien-2');
    await next.release();
    await killedChat.release();
  });
});
