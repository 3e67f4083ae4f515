import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_LAPSE_MS, InterviewHold, isHeldByAnother } from '../../src/store/interview-hold.js';
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

describe('whether an interview is held by another front door', () => {
  it('is asked of the hold record: live for everyone but its own chat, over once lapsed or released', async () => {
    const { kv } = createMemoryStore();
    let now = new Date('2025-05-12T10:00:00Z').getTime();
    const clock = { now: () => new Date(now), isRunning: () => true };
    const chat = new InterviewHold(kv, clock);
    expect(await isHeldByAnother(kv, 'entretien-3', null, clock)).toBe(false);
    await chat.take('entretien-3');
    // The web chat and Teams hold nothing: for them the interview is held; for the chat itself it is not.
    expect(await isHeldByAnother(kv, 'entretien-3', null, clock)).toBe(true);
    expect(await isHeldByAnother(kv, 'entretien-3', chat.holder, clock)).toBe(false);
    expect(await isHeldByAnother(kv, 'entretien-4', null, clock)).toBe(false);
    now += HOLD_LAPSE_MS;
    expect(await isHeldByAnother(kv, 'entretien-3', null, clock)).toBe(false);
    now -= HOLD_LAPSE_MS;
    await chat.release();
    expect(await isHeldByAnother(kv, 'entretien-3', null, clock)).toBe(false);
  });
});
