import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { buildShortSummary } from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { answerUntilReview, atReviewWith, CoreSession, REVIEW_ID } from '../interview/session.js';
import { metaFor, TurnLog } from './helpers.js';

const guides = loadGuides();
const tagger = createTagger();

const ANSWERS = {
  fr: 'On utilise Xero pour la compta, un ERP et un CRM pour nos clients, ça nous fait gagner du temps.',
  en: 'We use Xero for the accounts, an ERP and a CRM for our customers; it saves us time.',
} as const;

const atReview = (lang: 'fr' | 'en'): CoreSession => atReviewWith(guides, tagger, ANSWERS, lang);

const toolsOf = (session: CoreSession) => buildSummary(session.meta, session.turns).tools.map((t) => t.id);

describe('closing review: a reason after the name, without a comma', () => {
  it('removes the tool named and lets the reason go, in French', () => {
    const fr = atReview('fr');
    expect(fr.say("enlève l'ERP on n'en a pas")[0]).toMatch(/^C'est noté\. Retiré \(outil\)\u00a0: ERP\./);
    expect(fr.say('enleve le crm on s en sert jamais')[0]).toMatch(/Retiré \(outil\)\u00a0: CRM\./);
    expect(toolsOf(fr)).not.toContain('erp');
    expect(toolsOf(fr)).not.toContain('crm');
    const summary = buildSummary(fr.meta, fr.turns);
    expect(summary.corrections.map((c) => c.correction.said)).toEqual(['ERP', 'crm']);
    // The reply is still kept whole, reason included, for the researcher.
    expect(renderMarkdown(summary)).toContain("on n'en a pas");
  });

  it('removes the tool named and lets the reason go, in English', () => {
    const en = atReview('en');
    expect(en.say('take off the CRM we never used it')[0]).toMatch(/^Noted\. Removed \(tool\): CRM\./);
    expect(en.say('remove Xero we dropped it last year')[0]).toMatch(
      /Removed \(tool\): Paperless processes\./,
    );
    expect(toolsOf(en)).toEqual(['erp']);
  });

  it('removes nothing when a second name follows the first', () => {
    const fr = atReview('fr');
    expect(fr.say("retire l'ERP et le CRM")[0]).toContain('Je ne connais pas «\u00a0ERP et le CRM\u00a0»');
    const en = atReview('en');
    expect(en.say('remove the ERP and the CRM')[0]).toContain('I don\'t know "ERP and the CRM"');
    for (const session of [fr, en]) {
      expect(toolsOf(session)).toEqual(expect.arrayContaining(['erp', 'crm']));
      expect(buildSummary(session.meta, session.turns).corrections).toEqual([]);
    }
  });
});

describe('closing review: a tool put back after it was removed', () => {
  it('puts back a tool removed by its brand, in English', () => {
    const en = atReview('en');
    en.say('remove tool Xero');
    expect(toolsOf(en)).not.toContain('dematerialization');
    // Recorded as the addition it is, worded as a put-back of the name removed.
    expect(en.say('put Xero back')[0]).toMatch(/^Noted\. Put back \(tool\): “Xero”\./);
    const summary = buildSummary(en.meta, en.turns);
    expect(summary.tools.find((t) => t.id === 'dematerialization')).toMatchObject({
      addedByRespondent: false,
    });
    // The researcher reads a put-back, not a tool the respondent added.
    expect(summary.corrections.at(-1)?.correction).toMatchObject({ action: 'add', id: 'dematerialization' });
    expect(summary.corrections.at(-1)?.description).toMatch(/^Put back \(tool\): “Xero”/);
    expect(buildShortSummary(summary, 'en')).toContain('Paperless processes');
  });

  it('reads "keep it, put it back" once the tool was removed', () => {
    const en = atReview('en');
    en.say('remove tool Xero');
    expect(en.say('actually we keep Xero, put it back')[0]).toMatch(/Put back \(tool\): “Xero”\./);
    expect(toolsOf(en)).toContain('dematerialization');
  });

  it('puts back a brand removed alone while its tool stayed, rather than calling it already there', () => {
    const en = new CoreSession(guides, tagger, 'en', 'manager');
    en.start();
    en.say('yes');
    answerUntilReview(en, 'We post on Facebook and Instagram every week; customers find us there.');
    expect(en.say('remove Instagram')[0]).toMatch(/Instagram/);
    expect(toolsOf(en)).toContain('social_media');
    const reply = en.say('put Instagram back')[0] ?? '';
    expect(reply).toMatch(/^Noted\. Put back \(tool\): “Instagram”/);
    expect(reply).not.toMatch(/already/);
  });

  it('puts back a tool with the usual French verbs', () => {
    const fr = atReview('fr');
    fr.say('retire Xero');
    fr.say('retire le CRM');
    expect(fr.say('finalement on garde Xero')[0]).toMatch(
      /^C'est noté\. Remis \(outil\)\u00a0: «\u00a0Xero\u00a0»\./,
    );
    expect(fr.say('remets le CRM')[0]).toMatch(/Remis \(outil\)\u00a0: «\u00a0CRM\u00a0»\./);
    expect(toolsOf(fr)).toEqual(expect.arrayContaining(['dematerialization', 'crm']));
  });

  it('gives back the words of a brand removed alone when it is put back', () => {
    const log = new TurnLog('itv-put-back', 'en');
    log.qa('tools', 'tools.acquired', 'Which tools?', 'We post on Instagram and Facebook for our customers.');
    const turn = log.turns.at(-1);
    if (turn) turn.tags = tagger.tag(turn.text, { lang: 'en' });
    log.correct(
      { action: 'remove', target: 'tool', id: 'social_media', said: 'Instagram', scope: 'named' },
      'remove Instagram',
    );
    const wordsRead = () =>
      buildSummary(metaFor(log.interviewId, 'en'), log.turns)
        .themes.flatMap((t) => t.answers)
        .flatMap((a) => a.tags.tools.flatMap((tool) => tool.evidence.map((e) => e.text)));
    expect(wordsRead()).toContain('Facebook');
    expect(wordsRead()).not.toContain('Instagram');
    log.correct(
      { action: 'add', target: 'tool', id: 'social_media', said: 'Instagram' },
      'put Instagram back',
    );
    expect(wordsRead()).toEqual(expect.arrayContaining(['Instagram', 'Facebook']));
  });
});

describe('closing review: a tool the tagger would read as another kind', () => {
  it('says it does not know the name and adds nothing, in French', () => {
    const fr = atReview('fr');
    expect(fr.say('ajoute la caisse connectee')[0]).toContain(
      'Je ne connais pas «\u00a0caisse connectee\u00a0»',
    );
    expect(toolsOf(fr)).not.toContain('cloud_virtualization');
  });

  it('says it does not know the name and adds nothing, in English', () => {
    const en = atReview('en');
    en.say('remove tool ERP');
    expect(en.say('add delivery management software')[0]).toContain(
      'I don\'t know "delivery management software"',
    );
    expect(toolsOf(en)).not.toContain('erp');
    // The reply is kept as written for the researcher.
    expect(buildSummary(en.meta, en.turns).unreadCorrections.map((u) => u.text)).toEqual([
      'add delivery management software',
    ]);
    expect(atReview('en').say('add QVT')[0]).toContain('I don\'t know "QVT"');
  });
});

describe('closing review: a review answered with corrections is not declined', () => {
  const reviewDeclined = (session: CoreSession) =>
    buildSummary(session.meta, session.turns).declined.filter((d) => d.questionId === REVIEW_ID);

  it('is not listed as declined when skipped after three corrections', () => {
    for (const [lang, replies] of [
      ['fr', ['retire Xero', 'ajoute la valeur plaisir', 'retire le CRM', 'passer']],
      ['en', ['remove tool Xero', 'add value fun', 'remove the CRM', 'skip']],
    ] as const) {
      const session = atReview(lang);
      for (const reply of replies) session.say(reply);
      expect(session.meta.status).toBe('completed');
      expect(reviewDeclined(session)).toEqual([]);
      const markdown = renderMarkdown(buildSummary(session.meta, session.turns));
      expect(markdown).not.toContain(lang === 'fr' ? 'Questions non répondues' : 'Questions declined');
    }
  });

  it('is not listed as declined when it ended on three empty replies after corrections', () => {
    const fr = atReview('fr');
    for (const reply of ['retire Xero', 'ajoute la valeur plaisir', 'retire le CRM', '   ', '...', '…'])
      fr.say(reply);
    expect(fr.meta.status).toBe('completed');
    expect(reviewDeclined(fr)).toEqual([]);
  });

  it('is not listed as declined when it ended on a reply kept as written', () => {
    const en = atReview('en');
    en.say('the second line is wrong');
    en.say('skip');
    expect(en.meta.status).toBe('completed');
    expect(reviewDeclined(en)).toEqual([]);
    expect(buildSummary(en.meta, en.turns).unreadCorrections.map((u) => u.text)).toEqual([
      'the second line is wrong',
    ]);
  });

  it('lists three unread replies as not applied, and the review as answered', () => {
    const fr = atReview('fr');
    fr.say('retire Xero');
    fr.say('la deuxième ligne est fausse');
    fr.say('la troisième aussi');
    fr.say('et la quatrième');
    expect(fr.meta.status).toBe('completed');
    const summary = buildSummary(fr.meta, fr.turns);
    expect(summary.declined).toEqual([]);
    expect(summary.unreadCorrections.map((u) => u.text)).toEqual([
      'la deuxième ligne est fausse',
      'la troisième aussi',
      'et la quatrième',
    ]);
  });

  it('is still declined when skipped with nothing said', () => {
    const en = atReview('en');
    en.say('skip');
    expect(reviewDeclined(en)).toHaveLength(1);
    const fr = atReview('fr');
    fr.say('   ');
    fr.say('...');
    fr.say('…');
    expect(reviewDeclined(fr)).toHaveLength(1);
  });
});
