import { describe, expect, it } from 'vitest';
import { capAnswer, MAX_ANSWER_CHARS } from '../../src/core/limits.js';
import { createRateLimiter } from '../../src/core/rate-limit.js';

describe('capAnswer', () => {
  it('keeps an answer under the cap untouched', () => {
    const text = 'Nous utilisons un ERP 🎉 depuis 2019.\nC’est utile.';
    expect(capAnswer(text)).toEqual({ text, truncated: false, receivedChars: Array.from(text).length });
  });

  it('keeps the first characters up to the cap and says it cut', () => {
    const result = capAnswer('a'.repeat(MAX_ANSWER_CHARS + 500));
    expect(result.truncated).toBe(true);
    expect(result.text).toBe('a'.repeat(MAX_ANSWER_CHARS));
    expect(result.receivedChars).toBe(MAX_ANSWER_CHARS + 500);
  });

  it('counts emoji as one character and never splits one', () => {
    const result = capAnswer('😀'.repeat(10), 4);
    expect(result).toEqual({ text: '😀😀😀😀', truncated: true, receivedChars: 10 });
  });

  it('drops control characters but keeps tabs, line breaks and right-to-left text', () => {
    const result = capAnswer('ok\u0000\u0007\u001b[31m\tسلام\r\nfin');
    expect(result.text).toBe('ok[31m\tسلام\r\nfin');
    expect(result.truncated).toBe(false);
  });
});

describe('per-conversation rate limit', () => {
  it('allows a burst, refuses the next message, and refills with time', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, refillPerSecond: 0.5, maxKeys: 10, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('c1').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('c1');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(2000);
    expect(limiter.take('c2').allowed).toBe(true);
    now += 2000;
    expect(limiter.take('c1').allowed).toBe(true);
    expect(limiter.take('c1').allowed).toBe(false);
  });

  it('never tracks more than maxKeys conversations, forgetting the least recently seen', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 1, refillPerSecond: 0.001, maxKeys: 100, now: () => now });
    expect(limiter.take('kept').allowed).toBe(true);
    for (let i = 0; i < 1000; i += 1) {
      now += 1;
      limiter.take(`c${i}`);
      if (i % 50 === 0) limiter.take('kept');
    }
    expect(limiter.size).toBe(100);
    // 'kept' was seen recently, so it is still tracked and still empty; c0 was forgotten and starts full.
    expect(limiter.take('kept').allowed).toBe(false);
    expect(limiter.take('c0').allowed).toBe(true);
  });

  it('refuses nonsense settings', () => {
    expect(() => createRateLimiter({ burst: 0 })).toThrow(/burst/);
  });
});
