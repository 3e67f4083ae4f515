import { describe, expect, it } from 'vitest';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { BotHarness } from './harness.js';

const SCRIPTS = {
  fr: {
    start: ['démarrer', '1', '1', 'oui'],
    answer:
      "Nous avons installé un ERP avec nos fournisseurs et un club d'entreprises : j'ai décidé de le faire, nos clients en profitent et nous gagnons du temps.",
    summary: 'récapitulatif',
    expected: [
      'Outils et dispositifs\u00a0: ERP',
      'Formes de valeur\u00a0: Fonctionnelle',
      'Leviers de la valeur partagée\u00a0: Clusters et réseaux, Chaîne de valeur',
      "Initiateurs\u00a0: l'entreprise",
      'Bénéficiaires\u00a0: clients',
    ],
  },
  en: {
    start: ['start', '2', '1', 'yes'],
    answer:
      'We decided to set up an ERP with our suppliers and a network club: customers benefit and we save time.',
    summary: 'summary',
    expected: [
      'Tools and schemes: ERP',
      'Value forms: Functional',
      'Levers of shared value: Clusters and networks, Value chain',
      'Initiators: the company',
      'Beneficiaries: clients',
    ],
  },
} as const;

describe.each(['fr', 'en'] as const)('the recap of the answers in the chat (%s)', (lang) => {
  const script = SCRIPTS[lang];

  /** The same answer to every question until the closing review asks for corrections. */
  async function atReview(): Promise<BotHarness> {
    const bot = new BotHarness();
    for (const text of script.start) await bot.say(text);
    for (let n = 0; n < 30; n++) {
      const { turns } = await bot.interview();
      if (turns.filter((t) => t.kind === 'question').at(-1)?.questionId === 'closing.review') break;
      await bot.say(script.answer);
    }
    return bot;
  }

  it("is one message, its tags worded as the exports word them in the interview's language", async () => {
    const bot = new BotHarness();
    for (const text of script.start) await bot.say(text);
    for (let n = 0; n < 12; n++) await bot.say(script.answer);
    const { turns } = await bot.interview();
    const answered = turns.filter((turn) => turn.kind === 'answer').length;
    expect(answered).toBeGreaterThan(10);

    const recap = await bot.say(script.summary);
    expect(recap).toHaveLength(1);
    const [message = ''] = recap;
    expect(message.startsWith(bot.guides[lang].bot.summaryHeader)).toBe(true);
    for (const words of script.expected) expect(message).toContain(words);
    // No internal ids.
    for (const id of [
      'erp,',
      'functional',
      'value_chain',
      'cluster,',
      'clients:beneficiary',
      'organisation:initiator',
    ])
      expect(message).not.toContain(id);
    const labels = summaryPrompts(lang);
    expect(message).toContain(labels.values.functional);
  });

  it('shows the tags as the review left them: a tool taken out there is not shown again', async () => {
    const bot = await atReview();
    const removal = lang === 'fr' ? "retire l'outil ERP" : 'remove tool ERP';
    await bot.say(removal);
    const [message = ''] = await bot.say(script.summary);
    expect(message).not.toContain(
      lang === 'fr' ? 'Outils et dispositifs\u00a0: ERP' : 'Tools and schemes: ERP',
    );
    expect(message).toContain(summaryPrompts(lang).values.functional);
  });

  it('shows the respondent what now stands once their corrections are kept, and lists them in the recap', async () => {
    const bot = await atReview();
    const removal =
      lang === 'fr' ? 'enleve l ERP on en a pas encore' : "remove the ERP we don't have one yet";
    const addition = lang === 'fr' ? 'ajoute la valeur hédonique' : 'add value hedonic';
    await bot.say(removal);
    // Asked for while the review still waits, the recap lists the corrections made so far.
    const [during = ''] = await bot.say(script.summary);
    expect(during.slice(during.lastIndexOf('•'))).toContain(removal);
    await bot.say(addition);
    const labels = summaryPrompts(lang);
    const ending = await bot.say(lang === 'fr' ? 'c bon merci' : 'all good thanks');
    const now = ending.find((line) => line.startsWith(labels.short.introCorrected)) ?? '';
    expect(now).toContain(labels.values.hedonic);
    expect(now).not.toMatch(/\bERP\b/);
    expect(now).not.toContain(labels.short.invite);

    const [message = ''] = await bot.say(script.summary);
    // Both corrections under the review question, in their own words, before the reply that ended it.
    const review = message.slice(message.lastIndexOf('•'));
    expect(review).toContain(removal);
    expect(review).toContain(addition);
    expect(review.indexOf(addition)).toBeLessThan(
      review.indexOf(lang === 'fr' ? 'c bon merci' : 'all good thanks'),
    );
  });
});
