import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { pseudonymizeText } from '../../src/core/privacy/pseudonymize.js';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import { parseCsv } from '../export/helpers.js';
import { metaFor, TurnLog } from '../summary/helpers.js';

const KEY = 'd'.repeat(64);

const pseudonymized = (text: string, lang: Language): string => pseudonymizeText(text, [], KEY, lang).text;

describe('a brand the lexicon knows, named by its web address', () => {
  it.each([
    ['Booking.com, mainly. Half our rooms come through it.', 'en'],
    ['We also sell on Amazon.co.uk and eBay, and list the rooms on Hotels.com.', 'en'],
    ['On vend sur Amazon.fr et sur Leboncoin.fr, les plannings sont sur monday.com.', 'fr'],
    ['Les clients commandent sur www.leroymerlin.fr ou https://www.booking.com/.', 'fr'],
  ] as const)('stays as said: "%s"', (text, lang) => {
    expect(pseudonymized(text, lang)).toBe(text);
  });

  it('is quoted and coded as said in the exports', () => {
    const log = new TurnLog('itv-web-brand', 'en');
    const answer = 'Booking.com, mainly. Half our rooms come through it.';
    log.qa('tools', 'tools.acquired', 'Which digital tools do you use?', answer, {
      tools: [['marketplace', 'Booking.com']],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'en'), log.turns, { pseudonymKey: KEY });
    expect(summary.tools.find((t) => t.id === 'marketplace')?.quotes).toEqual(['Booking.com, mainly.']);
    const rows = parseCsv(String(renderSummary(summary, 'csv').body));
    const header = rows[0] ?? [];
    const coded = rows.find((row) => row[header.indexOf('code')] === 'marketplace');
    expect(coded?.[header.indexOf('quote')]).toBe('Booking.com');
  });

  it('is no full stop: the quote is the whole sentence around it (fr)', () => {
    const log = new TurnLog('itv-web-brand-fr', 'fr');
    const answer = 'On vend un peu sur Amazon.fr, et surtout sur Leboncoin.fr. Le reste au comptoir.';
    log.qa('tools', 'tools.acquired', 'Quels outils numériques utilisez-vous ?', answer, {
      tools: [['marketplace', 'Leboncoin.fr']],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'fr'), log.turns, { pseudonymKey: KEY });
    expect(summary.tools.find((t) => t.id === 'marketplace')?.quotes).toEqual([
      'On vend un peu sur Amazon.fr, et surtout sur Leboncoin.fr.',
    ]);
  });
});

describe("the respondent's own web address", () => {
  it.each([
    ['Notre site, www.menuiserie-durand.fr, et la boutique durand-menuiserie.com.', 'fr'],
    ['Les devis se font sur https://durand.fr/devis, ou kerguelen.bzh pour la conserverie.', 'fr'],
    ['Our site is harbourview-whitby.co.uk, and our page is facebook.com/harbourviewwhitby.', 'en'],
    ['Bookings come through www.booking.com/hotel/gb/harbourview-whitby.html too.', 'en'],
  ] as const)('is replaced: "%s"', (text, lang) => {
    const replaced = pseudonymized(text, lang);
    expect(replaced).not.toMatch(/durand|kerguelen|harbourview/i);
    expect(replaced).toMatch(/\[URL-[0-9A-F]{6}\]/);
  });

  it('is told from a sentence typed without a space after its full stop', () => {
    const text = "C'est vrai.Franchement on vend plus.";
    expect(pseudonymized(text, 'fr')).toBe(text);
  });
});
