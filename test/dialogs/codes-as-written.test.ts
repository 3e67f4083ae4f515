import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { BotHarness } from './harness.js';

const CODE = 'Z7S2VS3S';

async function invited(language: Language, code = CODE): Promise<BotHarness> {
  const store = createMemoryStore();
  await store.createInvitation({
    code,
    interviewerId: 'interviewer-1',
    interviewerAddress: {},
    profile: 'manager',
    language,
  });
  return new BotHarness(store);
}

describe.each([
  {
    lang: 'fr',
    written: [
      `Code\u00a0: ${CODE}`,
      `Code : ${CODE}`,
      `code ${CODE}.`,
      `« code ${CODE} »`,
      `code: ${CODE.toLowerCase()}`,
      `voici mon code ${CODE.toLowerCase()}`,
      `mon code est ${CODE.toLowerCase()} !`,
      CODE.toLowerCase(),
    ],
  },
  {
    lang: 'en',
    written: [
      `Code: ${CODE}`,
      `code ${CODE}.`,
      `"code ${CODE}"`,
      `here is my code ${CODE.toLowerCase()}`,
      `my code is ${CODE.toLowerCase()}.`,
    ],
  },
] as const)('an invitation code written as people write it ($lang)', ({ lang, written }) => {
  it.each(written)('"%s" opens the invitation', async (text) => {
    const bot = await invited(lang);
    const replies = await bot.say(text);
    expect(replies).not.toContain(bot.guides.fr.bot.invitationUnknown);
    expect(replies.at(-1)).toBe(bot.guides[lang].opening.consentQuestion);
    expect((await bot.store.getInvitation(CODE))?.interviewId).toBe((await bot.interview()).meta.id);
  });

  it('sent again while its consent question waits (the link opened twice), asks that question again', async () => {
    const bot = await invited(lang);
    const guide = bot.guides[lang];
    expect((await bot.say(`code ${CODE}`)).at(-1)).toBe(guide.opening.consentQuestion);
    const again = await bot.say(`code ${CODE}`);
    expect(again).not.toContain(guide.bot.invitationUnknown);
    expect(again).not.toContain(bot.guides.fr.bot.invitationUnknown);
    expect(again.at(-1)).toBe(guide.opening.consentQuestion);
    expect(await bot.store.listInterviews()).toHaveLength(1);
    // The interview goes on from there.
    expect((await bot.say(lang === 'fr' ? 'oui' : 'yes'))[0]).toBe(guide.opening.consentThanks);
    const later = await bot.say(`Code : ${CODE}`);
    expect(later.join('\n')).toContain(guide.presentation.questions[0]?.text);
    expect(await bot.store.listInterviews()).toHaveLength(1);
  });
});

describe('what still is no code', () => {
  it('a code used by someone else, a malformed one, and a lower-case word in passing', async () => {
    const bot = await invited('fr');
    const { bot: words } = bot.guides.fr;
    const other = new BotHarness(bot.store, undefined, 'conv-other');
    expect((await other.say(`code ${CODE}`)).at(-1)).toBe(bot.guides.fr.opening.consentQuestion);
    expect(await bot.say(`code ${CODE}.`)).toEqual([words.invitationUnknown]);
    expect(await bot.say('Code : 12-34')).toEqual([words.invitationUnknown]);
    expect(await bot.say('on a eu le covid19 cette année')).toEqual([words.welcome]);
  });
});
