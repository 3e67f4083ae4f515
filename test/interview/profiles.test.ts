import { describe, expect, it } from 'vitest';
import type { Language, Profile } from '../../src/core/domain.js';
import { type GuideProbe, loadGuides } from '../../src/core/guide/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();

/** Wordings that speak to one profile only: a manager of their own firm, an expert of the SMEs they support. */
const ONLY_FOR: Record<Profile, readonly string[]> = {
  manager: ['votre entreprise', 'vos équipes', 'vous servent', 'your business', 'your team', 'help you'],
  expert: ['PME que vous accompagnez', 'PME que vous suivez', 'votre institution', 'SMEs you support'],
};
const OTHER: Record<Profile, Profile> = { manager: 'expert', expert: 'manager' };

const ANSWERS: Record<Language, { plain: string; tool: string }> = {
  fr: {
    plain: 'Pour être honnête, rien de bien particulier à signaler sur ce point, ni en bien ni en mal.',
    tool: 'Surtout un ERP, installé il y a deux ans, et quelques tableurs partagés pour le reste.',
  },
  en: {
    plain: 'To be honest, nothing in particular to report on that point, neither good nor bad, really.',
    tool: 'Mostly an ERP, installed two years ago, and a few shared spreadsheets for everything else.',
  },
};

/** Every reply of a whole interview where nothing is evidenced, so that every probe of the profile is asked. */
function wholeInterview(language: Language, profile: Profile): { replies: string[]; asked: string[] } {
  const guide = { ...guides[language], limits: { ...guides[language].limits, maxProbesPerTheme: 20 } };
  const session = new CoreSession(guides, createFakeTagger(), language, profile, guide);
  const replies = [...session.start(), ...session.say(language === 'fr' ? 'oui' : 'yes')];
  for (let turn = 0; session.meta.status !== 'completed' && turn < 80; turn += 1) {
    const pending = session.pendingId() ?? '';
    const answer = pending.startsWith('tools.') && !pending.includes('.probe.') ? 'tool' : 'plain';
    replies.push(...session.say(pending === 'closing.review' ? 'non' : ANSWERS[language][answer]));
  }
  expect(session.meta.status).toBe('completed');
  return { replies, asked: session.askedIds() };
}

function probeTexts(probe: GuideProbe): string[] {
  switch (probe.when) {
    case 'tool_actors_missing':
      return [probe.initiator, probe.beneficiary, probe.both];
    default:
      return [probe.text];
  }
}

describe.each(['fr', 'en'] as const)('probes worded for the profile (%s)', (language) => {
  it.each(['manager', 'expert'] as const)(
    "the %s's interview never gets the other profile's wording",
    (profile) => {
      const { replies, asked } = wholeInterview(language, profile);
      expect(asked).toEqual(
        expect.arrayContaining([
          'tools.probe.actors.erp',
          'value.probe.product_market',
          'value.probe.epistemic',
          'value.probe.social',
          'value.probe.benevolence',
        ]),
      );
      const wrong = ONLY_FOR[OTHER[profile]];
      expect(replies.filter((reply) => wrong.some((wording) => reply.includes(wording)))).toEqual([]);
    },
  );

  it.each(['manager', 'expert'] as const)(
    'no probe asked of the %s speaks to the other profile',
    (profile) => {
      const wrong = ONLY_FOR[OTHER[profile]];
      const texts = [guides[language].presentation, ...guides[language].themes]
        .flatMap((section) => section.probes)
        .filter((probe) => probe.profiles === undefined || probe.profiles.includes(profile))
        .flatMap(probeTexts);
      expect(texts.filter((text) => wrong.some((wording) => text.includes(wording)))).toEqual([]);
    },
  );
});
