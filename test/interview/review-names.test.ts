import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { CoreSession } from './session.js';

const guides = loadGuides();
const tagger = createTagger();
const REVIEW_ID = 'closing.review';

const ANSWERS = {
  fr: 'Nous utilisons Xero pour la comptabilité et une page Facebook pour nos clients, ça nous fait gagner du temps.',
  en: 'We use Xero for the accounts and a Facebook page for our customers; it saves us time.',
} as const;

function atReview(lang: 'fr' | 'en'): CoreSession {
  const session = new CoreSession(guides, tagger, lang, 'manager');
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  for (let guard = 0; session.pendingId() !== REVIEW_ID; guard += 1) {
    if (guard > 60) throw new Error('the closing review was never reached');
    session.say(ANSWERS[lang]);
  }
  return session;
}

const corrections = (session: CoreSession) =>
  session.turns.filter((t) => t.kind === 'correction').map((t) => t.data);

describe('closing review: items named as the respondent and the bot name them', () => {
  it('reads a tool named by its brand, as the bot itself named it in a question', () => {
    const en = atReview('en');
    expect(en.turns.some((t) => t.kind === 'question' && t.text.startsWith('For Facebook'))).toBe(true);
    expect(en.say('remove tool Xero')[0]).toMatch(/^Noted\. Removed \(tool\): Paperless processes\./);
    expect(en.say('Remove Facebook, please')[0]).toMatch(/Removed \(tool\): Social media/);
    expect(corrections(en)).toEqual([
      { action: 'remove', target: 'tool', id: 'dematerialization' },
      { action: 'remove', target: 'tool', id: 'social_media' },
    ]);

    const fr = atReview('fr');
    expect(fr.say("retire l'outil facebook")[0]).toMatch(/Retiré \(outil\)\u00a0: Réseaux sociaux/);
    expect(fr.say('enlève Xero, on ne s’en sert plus')[0]).toMatch(
      /Retiré \(outil\)\u00a0: Dématérialisation/,
    );
    expect(corrections(fr)).toEqual([
      { action: 'remove', target: 'tool', id: 'social_media' },
      { action: 'remove', target: 'tool', id: 'dematerialization' },
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
    expect(en.say('looks good to me')).toEqual([guides.en.closing.correctionsKept, guides.en.closing.thanks]);
  });
});
