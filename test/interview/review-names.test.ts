import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderCsv } from '../../src/export/csv.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { parseCsv } from '../export/helpers.js';
import { answerUntilReview, atReviewWith, CoreSession } from './session.js';

const guides = loadGuides();
const tagger = createTagger();

const ANSWERS = {
  fr: 'Nous utilisons Xero pour la comptabilité et une page Facebook pour nos clients, ça nous fait gagner du temps.',
  en: 'We use Xero for the accounts and a Facebook page for our customers; it saves us time.',
} as const;

const atReview = (lang: 'fr' | 'en'): CoreSession => atReviewWith(guides, tagger, ANSWERS, lang);

const corrections = (session: CoreSession) =>
  session.turns.filter((t) => t.kind === 'correction').map((t) => t.data);

describe('closing review: e-mail named by the everyday word', () => {
  const MAIL = {
    fr: 'On envoie les rappels par mail aux clientes, ça nous fait gagner du temps.',
    en: 'We send the reminders to customers by mail, it saves us time.',
  } as const;

  it.each([
    ['fr', 'retire le mail', /Retiré \(outil\)\u00a0: Courriel/],
    ['en', 'remove the mail', /Removed \(tool\): E-mail/],
  ] as const)('%s: "%s" removes e-mail', (lang, reply, said) => {
    const session = atReviewWith(guides, tagger, MAIL, lang);
    expect(session.say(reply)[0]).toMatch(said);
    expect(corrections(session)).toEqual([
      expect.objectContaining({ action: 'remove', target: 'tool', id: 'email' }),
    ]);
  });
});

describe('closing review: items named as the respondent and the bot name them', () => {
  it('reads a tool named by its brand, as the bot itself named it in a question', () => {
    const en = atReview('en');
    expect(en.turns.some((t) => t.kind === 'question' && t.text.startsWith('For Facebook'))).toBe(true);
    expect(en.say('remove tool Xero')[0]).toMatch(/^Noted\. Removed \(tool\): Paperless processes\./);
    expect(en.say('Remove Facebook, please')[0]).toMatch(/Removed \(tool\): Social media/);
    expect(corrections(en)).toEqual([
      { action: 'remove', target: 'tool', id: 'dematerialization', said: 'Xero' },
      { action: 'remove', target: 'tool', id: 'social_media', said: 'Facebook' },
    ]);

    const fr = atReview('fr');
    expect(fr.say("retire l'outil facebook")[0]).toMatch(/Retiré \(outil\)\u00a0: Réseaux sociaux/);
    expect(fr.say('enlève Xero, on ne s’en sert plus')[0]).toMatch(
      /Retiré \(outil\)\u00a0: Dématérialisation/,
    );
    expect(corrections(fr)).toEqual([
      { action: 'remove', target: 'tool', id: 'social_media', said: 'facebook' },
      { action: 'remove', target: 'tool', id: 'dematerialization', said: 'Xero' },
    ]);
  });

  it('reads a value named in ordinary words', () => {
    const en = atReview('en');
    expect(en.say('add value fun')[0]).toMatch(/Added \(value\): Hedonic/);
    const fr = atReview('fr');
    expect(fr.say('ajoute la valeur plaisir')[0]).toMatch(/Ajouté \(valeur\)\u00a0: Hédonique/);
  });

  it('quotes an item it does not know as the respondent typed it', () => {
    const en = atReview('en');
    expect(en.say('add tool Teleporter Pro')[0]).toContain('I don\'t know "Teleporter Pro"');
    const fr = atReview('fr');
    expect(fr.say("ajoute l'outil Zorglub")[0]).toContain('Je ne connais pas «\u00a0Zorglub\u00a0»');
  });

  it('reads a no followed by a correction as a correction, not as the end of the review', () => {
    const fr = atReview('fr');
    expect(fr.say('non, enlève Facebook')[0]).toMatch(/Retiré \(outil\)\u00a0: Réseaux sociaux/);
    expect(fr.meta.status).toBe('in_progress');
    const en = atReview('en');
    expect(en.say('Nope, remove Facebook')[0]).toMatch(/Removed \(tool\): Social media/);
    expect(en.meta.status).toBe('in_progress');
    expect(en.say('looks good to me')).toEqual([
      guides.en.closing.correctionsKept,
      expect.stringContaining(summaryPrompts('en').short.introCorrected),
      guides.en.closing.thanks,
    ]);
  });
});

describe('closing review: a tool removed by one of the names it was read from', () => {
  const SAID = {
    en: {
      presentation: "I'm Martine Roux, I run Hollis & Sons, a family bakery.",
      answer:
        'We post on Instagram and Facebook for our customers; our invoices are paperless now and we use Xero too.',
    },
    fr: {
      presentation: 'Je suis Martine Roux, je dirige la boulangerie Kerguelen.',
      answer:
        'On publie sur Instagram et Facebook pour nos clients, on a dématérialisé les factures, et on utilise Xero.',
    },
  } as const;

  function reviewed(lang: 'fr' | 'en'): CoreSession {
    const session = new CoreSession(guides, tagger, lang, 'manager');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    answerUntilReview(session, (asked) =>
      asked?.startsWith('presentation') ? SAID[lang].presentation : SAID[lang].answer,
    );
    return session;
  }

  it('removes only the brand named, keeps the tool read from the others and says so', () => {
    const en = reviewed('en');
    const reply = en.say('remove instagram, we gave up on it')[0] ?? '';
    expect(reply).toContain('"instagram" is removed');
    expect(reply).toContain('keeping "Social media" (tool), which I also read in: ');
    expect(reply).toContain('“Facebook”');
    expect(reply).not.toContain('“Instagram”');
    expect(corrections(en)).toEqual([
      { action: 'remove', target: 'tool', id: 'social_media', said: 'instagram', scope: 'named' },
    ]);
    en.say("that's all");
    const summary = buildSummary(en.meta, en.turns);
    expect(summary.tools.map((t) => t.id)).toContain('social_media');
    const csv = renderCsv([summary]);
    expect(csv).toContain('Facebook');
    const rows = parseCsv(csv);
    expect(rows.filter((r) => /instagram/i.test(r[3] ?? '') && r[4] === 'tool')).toEqual([]);
    // The reply itself is listed with the review's replies, as removing only the brand named.
    expect(rows.filter((r) => r[4] === 'correction').map((r) => [r[3], r[5]])).toEqual([
      ['remove instagram, we gave up on it', 'remove:tool:social_media:named'],
    ]);
    expect(summary.corrections[0]).toMatchObject({
      text: 'remove instagram, we gave up on it',
      description:
        'Removed (tool): “instagram” only, “Social media” stays (in their words: “remove instagram, we gave up on it”)',
    });
    expect(renderMarkdown(summary)).toContain('we gave up on it');
  });

  it("takes a brand's nickname with it: removing Instagram removes « insta »", () => {
    const session = new CoreSession(guides, tagger, 'fr', 'manager');
    session.start();
    session.say('oui');
    answerUntilReview(session, (asked) =>
      asked?.startsWith('presentation')
        ? SAID.fr.presentation
        : 'On poste sur insta tous les jours et on a une page Facebook pour les clientes.',
    );
    const reply = session.say('enlève instagram, on a arrêté')[0] ?? '';
    expect(reply).toContain('Facebook');
    expect(reply).not.toMatch(/«\u00a0insta\u00a0»/);
    const summary = buildSummary(session.meta, session.turns);
    const words = summary.themes
      .flatMap((theme) => theme.answers)
      .flatMap((answer) => answer.tags.tools.flatMap((t) => t.evidence.map((e) => e.text)));
    expect(words.some((w) => /insta/i.test(w))).toBe(false);
    expect(words.some((w) => /facebook/i.test(w))).toBe(true);
  });

  it('says what a tool was read from when the brand named is only part of it, in French', () => {
    const fr = reviewed('fr');
    const reply = fr.say('enlève Xero')[0] ?? '';
    expect(reply).toMatch(/«\u00a0Xero\u00a0» est retiré\. Je garde «\u00a0Dématérialisation\u00a0»/);
    const summary = buildSummary(fr.meta, fr.turns);
    expect(summary.tools.map((t) => t.id)).toContain('dematerialization');
    expect(summary.corrections[0]?.correction).toMatchObject({ said: 'Xero', scope: 'named' });
  });

  it('removes nothing when the brand named is not in the answers', () => {
    const en = reviewed('en');
    const reply = en.say('remove TikTok')[0] ?? '';
    expect(reply).toMatch(/^"TikTok" isn't in your answers: "Social media" \(tool\) comes from: /);
    expect(reply).toContain("I haven't removed anything");
    expect(corrections(en)).toEqual([]);
  });

  it('removes the whole tool when it is named as such, the words kept pseudonymised', () => {
    const en = reviewed('en');
    expect(en.say('remove tool social media, Martine stopped posting')[0]).toMatch(
      /^Noted\. Removed \(tool\): Social media\./,
    );
    en.say('yeah remove Xero');
    const summary = buildSummary(en.meta, en.turns);
    expect(summary.tools.map((t) => t.id)).not.toContain('social_media');
    const [first, second] = summary.corrections;
    expect(first?.text).not.toContain('Martine');
    expect(first?.text).toMatch(/^remove tool social media, \[PERSON-[0-9A-F]+\] stopped posting$/);
    expect(first?.description).not.toContain('Martine');
    expect(second?.correction).toMatchObject({ id: 'dematerialization', said: 'Xero', scope: 'named' });
  });
});

describe("closing review: a tool named by its class in the respondent's own words", () => {
  const TILL = {
    fr: 'On a une caisse connectée à la boutique, ça nous fait gagner du temps.',
    en: 'We bought a Bosch diagnostic kit for the workshop, it saves us time.',
  } as const;

  it.each([
    [
      'fr',
      "retire le cloud, j'ai jamais parlé de cloud",
      'cloud_virtualization',
      /Retiré \(outil\)\u00a0: Cloud/,
    ],
    [
      'en',
      'remove machine programming, we dont program machines',
      'machine_programming',
      /Removed \(tool\): Machine/,
    ],
  ] as const)('%s: "%s" removes the whole tool, whatever words it was read from', (lang, reply, id, said) => {
    const session = atReviewWith(guides, tagger, TILL, lang);
    expect(buildSummary(session.meta, session.turns).tools.map((t) => t.id)).toContain(id);
    expect(session.say(reply)[0]).toMatch(said);
    expect(buildSummary(session.meta, session.turns).tools.map((t) => t.id)).not.toContain(id);
  });
});

describe('closing review: tools added by the everyday names users gave them', () => {
  it.each([
    ['fr', "ajoute l'outil logiciel de planning", /Ajouté \(outil\)\u00a0: Plateforme collaborative/],
    ['fr', 'ajoute les SMS', /Ajouté \(outil\)\u00a0: CRM/],
    ['fr', "ajoute l'outil caisse enregistreuse", /Ajouté \(outil\)\u00a0: ERP/],
    ['en', 'add tool online booking system', /Added \(tool\): Online shop or booking site/],
    ['en', 'add tool scheduling software', /Added \(tool\): Collaboration platform/],
  ] as const)('%s: "%s" is read', (lang, reply, said) => {
    const session = atReview(lang);
    expect(session.say(reply)[0]).toMatch(said);
  });
});
