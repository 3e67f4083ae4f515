import { describe, expect, it } from 'vitest';
import { BotHarness } from './harness.js';

/** As pasted from some systems (macOS, PDFs): "é" written as "e" followed by a combining accent. */
const decomposed = (text: string) => text.normalize('NFD');

describe('a message whose accents are combining marks', () => {
  it('is read as typed with composed accents: commands, consent and the answer stored', async () => {
    const bot = new BotHarness();
    const fr = bot.guides.fr;
    expect(decomposed('démarrer')).not.toBe('démarrer');
    expect(await bot.say(decomposed('démarrer'))).toEqual([fr.bot.chooseLanguage]);
    await bot.say(decomposed('français'));
    await bot.say('1');
    await bot.say(decomposed("Oui, je suis d'accord"));
    const answer = 'Nous sommes une crêperie à Vannes, sept salariés.';
    await bot.say(decomposed(answer));
    const { turns } = await bot.interview();
    expect(turns.some((t) => t.kind === 'answer' && t.text === answer)).toBe(true);
  });
});
