import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import type { Tagger } from '../../src/core/tagger/types.js';
import { emptyTags, type Tags } from '../../src/core/tags.js';
import { createFakeTagger } from './fake-tagger.js';
import { type CoreSession, MANAGER_OPENING, pastPresentation } from './session.js';

const guides = loadGuides();

/** The fake tagger, plus what the real one does with a team: an actor merely named ("Quelle équipe…"). */
function taggerNamingTeams(): Tagger {
  const fake = createFakeTagger();
  return {
    tag(text, options): Tags {
      const tags = fake.tag(text, options);
      const team = /équipe|team/i.exec(text);
      if (!team) return tags;
      const evidence = [{ start: team.index, end: team.index + team[0].length, text: team[0] }];
      return { ...tags, actors: [...tags.actors, { id: 'employees', role: 'mentioned', evidence }] };
    },
  };
}

const SCRIPT = {
  fr: {
    ...MANAGER_OPENING.fr,
    opportunity: 'Vendre plus loin, trouver des clients sur internet.',
    threat: 'Le piratage et la dépendance aux éditeurs.',
    resource: "Du temps et de l'argent, surtout.",
    tools: 'Nous utilisons un CRM pour suivre les clients depuis deux ans.',
    interfaces: 'Les fournisseurs reçoivent les commandes par le portail.',
    chat: 'Vous avez vu le match hier soir ? Quelle équipe de bras cassés.',
  },
  en: {
    ...MANAGER_OPENING.en,
    opportunity: 'Selling further away, finding customers on the internet.',
    threat: 'Getting hacked, and depending on software vendors.',
    resource: 'Time and money, mostly.',
    tools: 'We use a CRM to follow up customers, for two years now.',
    interfaces: 'Our suppliers get the orders through the portal.',
    chat: 'Did you watch the game last night? What a team of clowns.',
  },
} as const;

function started(lang: Language): CoreSession {
  const session = pastPresentation(guides, taggerNamingTeams(), lang);
  return session;
}

function answered(session: CoreSession): string[] {
  return session.turns.filter((t) => t.kind === 'answer').map((t) => t.questionId ?? '');
}

/** Sends `text` and checks the bot asked `questionId` again, politely, recording no answer. */
function expectReasked(session: CoreSession, text: string, questionId: string): void {
  const before = answered(session);
  const question = session.turns.filter((t) => t.kind === 'question').at(-1)?.text;
  expect(session.pendingId()).toBe(questionId);
  expect(session.say(text)).toEqual([session.guide.messages.reaskOffTopic, question]);
  expect(session.pendingId()).toBe(questionId);
  expect(answered(session)).toEqual(before);
}

describe('off-topic input gets one polite re-ask, at probes and whatever an actor merely named', () => {
  it.each(['fr', 'en'] as const)(
    '%s: chat about last night’s game, at a theme-1 probe then at the tools question',
    (lang) => {
      const s = SCRIPT[lang];
      const session = started(lang);
      session.say(s.meaning);
      session.say(s.opportunity);
      expectReasked(session, s.chat, 'meaning.probe.threat');
      // The second try is taken, as the README says, but it does not count as a threat said.
      session.say(s.chat);
      expect(answered(session)).toContain('meaning.probe.threat');
      expect(session.turns.filter((t) => t.kind === 'answer').at(-1)?.tags?.facets).toEqual([]);
      session.say(s.resource);
      expectReasked(session, s.chat, 'tools.acquired');
    },
  );

  it.each([
    ['fr', 'Quelle est votre couleur préférée ? La mienne est le bleu.'],
    ['en', "What's your favourite colour? Mine is blue"],
  ] as const)('%s: "%s" at the request for an example', (lang, text) => {
    const session = started(lang);
    session.say('Important.');
    expectReasked(session, text, 'meaning.main.example');
  });

  it.each(['fr', 'en'] as const)('%s: at the probe on who pushed a tool', (lang) => {
    const s = SCRIPT[lang];
    const session = started(lang);
    for (const text of [s.meaning, s.opportunity, s.threat, s.resource, s.tools, s.interfaces])
      session.say(text);
    const text =
      lang === 'fr' ? 'Il fait très beau à Annecy aujourd’hui.' : 'The weather is lovely in Annecy today.';
    expectReasked(session, text, 'tools.probe.actors.crm');
  });

  it.each([
    ['fr', 'meaning.probe.opportunity', 'Des clients en plus.'],
    ['fr', 'meaning.probe.opportunity', 'Plus de clients.'],
    ['fr', 'meaning.probe.opportunity', "Non, franchement je n'en vois pas pour le moment."],
    ['fr', 'tools.probe.actors.crm', 'Moi.'],
    ['fr', 'tools.probe.actors.crm', 'nos clients surtout'],
    ['fr', 'tools.probe.actors.crm', "Notre équipe commerciale, c'est elle qui l'a voulu."],
    ['en', 'meaning.probe.opportunity', 'More customers, mostly.'],
    ['en', 'meaning.probe.opportunity', "No, honestly I don't see any for now."],
    ['en', 'tools.probe.actors.crm', 'Usually the owner.'],
    ['en', 'tools.probe.actors.crm', 'Our sales team, they wanted it.'],
    // People of the firm the typology has no actor for: the answer still says who.
    ['fr', 'tools.probe.actors.crm', 'Ma nièce. Le magasin, on a plus de passage grâce à ça.'],
    ['fr', 'tools.probe.actors.crm', "L'apprenti l'a installé, ça nous sert à tous."],
    ['en', 'tools.probe.actors.crm', 'My niece. The café, we get walk-ins from it.'],
    ['en', 'tools.probe.actors.crm', 'My daughter set it up, she is nineteen.'],
    // The speaker's own side, typed casually.
    ['fr', 'tools.probe.actors.crm', 'c nous, ca evite de téléphoner au moulin'],
    ['en', 'tools.probe.actors.crm', 'it was us, saves ringing the mill every day'],
    ['en', 'tools.probe.actors.crm', 'Mine, during lockdown when the shop was shut.'],
  ] as const)('%s: at %s, "%s" is taken at once', (lang, questionId, text) => {
    const s = SCRIPT[lang];
    const session = started(lang);
    const before = questionId.startsWith('tools')
      ? [s.meaning, s.opportunity, s.threat, s.resource, s.tools, s.interfaces]
      : [s.meaning];
    for (const line of before) session.say(line);
    expect(session.pendingId()).toBe(questionId);
    const replies = session.say(text);
    expect(replies).not.toContain(session.guide.messages.reaskOffTopic);
    expect(answered(session)).toContain(questionId);
  });

  it.each([
    [
      'fr',
      'les grosses brasseries qui achetent de la pub sur google, et les frais de port qui mangent la marge',
    ],
    ['en', 'the big chains buying google ads, and the postage fees eating the margin'],
  ] as const)('%s: at the threats probe, "%s" (competitors, costs) is taken at once', (lang, text) => {
    const s = SCRIPT[lang];
    // A tagger reading nothing: the question's topic words alone tie the answer to it.
    const session = pastPresentation(
      guides,
      { tag: (_text, options) => emptyTags(options?.lang ?? lang) },
      lang,
    );
    session.say(s.meaning);
    session.say(s.opportunity);
    expect(session.pendingId()).toBe('meaning.probe.threat');
    expect(session.say(text)).not.toContain(session.guide.messages.reaskOffTopic);
    expect(answered(session)).toContain('meaning.probe.threat');
  });

  it.each([
    ['fr', 'bof on est pas dans un club'],
    ['en', 'meh, we are not in any club, really'],
  ] as const)('%s: "%s" answers the question on clubs, whose word it says in the singular', (lang, text) => {
    // A tagger reading nothing (the club is denied): only the question's own word ties the answer to it.
    const session = pastPresentation(
      guides,
      { tag: (_text, options) => emptyTags(options?.lang ?? lang) },
      lang,
    );
    const clubs = 'value.probe.cluster';
    const guide = session.guide;
    for (let guard = 0; session.pendingId() !== clubs; guard += 1) {
      if (guard > 30) throw new Error('the question on clubs was never reached');
      session.say(lang === 'fr' ? 'passer' : 'skip');
    }
    expect(session.say(text)).not.toContain(guide.messages.reaskOffTopic);
    expect(answered(session)).toContain(clubs);
  });

  it.each([
    ['fr', 'Nos équipes ont gagné du temps sur les devis.'],
    ['en', 'Our team saves time on quotes now.'],
  ] as const)('%s: an answer naming a team and saying something of the question is taken', (lang, text) => {
    const session = started(lang);
    session.say(text);
    expect(answered(session)).toContain('meaning.main');
  });
});
