import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import type { InterviewStore } from '../../src/store/types.js';
import { BotHarness } from './harness.js';

/** The memory store, counting how often the turn log is read. */
function countingStore(): { store: InterviewStore; reads: () => number } {
  const inner = createMemoryStore();
  let reads = 0;
  const store: InterviewStore = Object.create(inner);
  store.getTurns = (id: string) => {
    reads += 1;
    return inner.getTurns(id);
  };
  return { store, reads: () => reads };
}

describe('the turn path', () => {
  it('reads the turn log once per message, section changes included', async () => {
    const { store, reads } = countingStore();
    const bot = new BotHarness(store);
    await bot.say('démarrer');
    await bot.say('1');
    await bot.say('1');
    await bot.say('oui');
    // Presentation answers, then the first theme: the last one moves the interview to another section.
    for (const text of [
      'Nous fabriquons des meubles avec un ERP, 25 salariés, en Savoie.',
      "Je suis la gérante et j'ai décidé de tout informatiser, nos clients en profitent.",
    ]) {
      const before = reads();
      const replies = await bot.say(text);
      expect(replies.length).toBeGreaterThan(0);
      expect(reads() - before).toBe(1);
    }
    const pending = (await store.getTurns((await bot.interview()).meta.id)).filter(
      (t) => t.kind === 'question',
    );
    expect(pending.at(-1)?.section).toBe('meaning');
  });
});
