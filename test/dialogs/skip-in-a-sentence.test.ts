import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { BotHarness } from './harness.js';

const guides = loadGuides();

const SCRIPTS = {
  fr: {
    start: ['démarrer', '1', '1', 'oui'],
    declines: [
      'Franchement, je préfère ne pas en parler.',
      'on peut passer à la question suivante ?',
      'Je préfère ne pas parler des chiffres, désolé.',
      'Sans commentaire.',
    ],
    answers: [
      'Je préfère ne pas en parler, mais on a un ERP depuis 2020.',
      "Je passe beaucoup de temps sur la compta, c'est ça le numérique pour moi.",
    ],
  },
  en: {
    start: ['start', '2', '1', 'yes'],
    declines: [
      'can we skip this one please',
      "I'd rather not answer that one.",
      "Honestly I'd rather not get into money.",
      'No comment.',
    ],
    answers: [
      "I'd rather not talk about it, but we use Sage for the accounts.",
      "We'd rather not depend on one supplier, that's what it means to us.",
    ],
  },
} as const;

describe.each(['fr', 'en'] as const)('a question declined in a sentence (%s)', (lang) => {
  const script = SCRIPTS[lang];
  const guide = guides[lang];

  async function atFirstQuestion(): Promise<BotHarness> {
    const bot = new BotHarness();
    for (const text of script.start) await bot.say(text);
    return bot;
  }

  it.each(script.declines)(
    '"%s" skips the question, which the summary lists as declined',
    async (decline) => {
      const bot = await atFirstQuestion();
      const replies = await bot.say(decline);
      expect(replies[0]).toBe(guide.messages.skipped);
      const { turns } = await bot.interview();
      expect(turns.some((turn) => turn.kind === 'answer' && turn.text === decline)).toBe(false);
      expect(turns.filter((turn) => turn.kind === 'skip')).toHaveLength(1);
    },
  );

  it.each(script.answers)('"%s" says something and is kept as an answer', async (answer) => {
    const bot = await atFirstQuestion();
    const replies = await bot.say(answer);
    expect(replies).not.toContain(guide.messages.skipped);
    const { turns } = await bot.interview();
    expect(turns.some((turn) => turn.kind === 'answer' && turn.text === answer)).toBe(true);
    expect(turns.some((turn) => turn.kind === 'skip')).toBe(false);
  });
});
