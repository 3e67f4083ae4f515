import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { parseCorrection } from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { atReviewWith, type CoreSession } from '../interview/session.js';

const guides = loadGuides();
const tagger = createTagger();

const ANSWERS = {
  fr: 'On fait nos factures sur un logiciel de gestion, ça nous fait gagner du temps le soir.',
  en: 'We do our invoices on management software, it saves us time in the evenings.',
} as const;

const atReview = (lang: 'fr' | 'en'): CoreSession => atReviewWith(guides, tagger, ANSWERS, lang);

describe('WhatsApp is one tool, social media (GUIDELINES.md), so the closing review reads it', () => {
  it('reads WhatsApp alone as social media only', () => {
    expect(tagger.tag('WhatsApp', { lang: 'fr' }).tools.map((t) => t.id)).toEqual(['social_media']);
    expect(tagger.tag('whatsapp', { lang: 'en' }).tools.map((t) => t.id)).toEqual(['social_media']);
  });

  it('parses "ajoute whatsapp" and "add WhatsApp" as adding social media', () => {
    const asTyped = (typed: string) => typed;
    for (const [text, lang] of [
      ['ajoute whatsapp', 'fr'],
      ['add WhatsApp', 'en'],
    ] as const) {
      const parsed = parseCorrection(text, lang, asTyped, tagger);
      expect(parsed.ok && parsed.correction).toEqual({ action: 'add', target: 'tool', id: 'social_media' });
    }
  });

  it('adds social media when the respondent adds WhatsApp at the closing review', () => {
    const fr = atReview('fr');
    expect(fr.say('ajoute whatsapp')[0]).toMatch(/Ajouté \(outil\)\u00a0: Réseaux sociaux/);
    const en = atReview('en');
    expect(en.say('add WhatsApp')[0]).toMatch(/Added \(tool\): Social media/);
  });
});
