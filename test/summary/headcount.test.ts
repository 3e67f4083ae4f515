import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { buildSummary, Summary } from '../../src/core/summary/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { metaFor, TurnLog } from './helpers.js';

/** The summary of an interview whose presentation is this one answer. */
function summaryOf(answer: string, lang: Language, profile: 'manager' | 'expert' = 'manager') {
  const log = new TurnLog(`itv-headcount-${lang}`, lang);
  log.qa(
    'presentation',
    'company',
    lang === 'fr' ? 'Présentez votre entreprise.' : 'Present your firm.',
    answer,
  );
  return buildSummary(metaFor(log.interviewId, lang, profile), log.turns);
}

const headcountOf = (answer: string, lang: Language, profile: 'manager' | 'expert' = 'manager') => {
  const { headcount, headcountApproximate } = summaryOf(answer, lang, profile).respondent;
  return { headcount, headcountApproximate };
};

describe("the firm's headcount, read from a manager's presentation", () => {
  it.each([
    ["On est 9 à l'atelier, on fait de la menuiserie depuis 2019.", 9, false],
    ['Nous sommes une quinzaine, tous sur le même site près de Nantes.', 15, true],
    ['On est une petite équipe de six, avec trois magasins en Bretagne.', 6, false],
    ["C'est une agence de communication d'une vingtaine de personnes.", 20, true],
    ['Nous avons neuf salariés et une apprentie.', 9, false],
    ['Une scierie familiale : vingt-cinq salariés en 2024, contre douze en 2015.', 25, false],
    ["L'entreprise emploie environ 40 personnes.", 40, true],
    ["C'est une salle d'escalade, douze salariés à peu près en comptant les ouvreurs.", 12, true],
  ])('reads "%s" in French as %i (approximate: %s)', (answer, headcount, headcountApproximate) => {
    expect(headcountOf(answer, 'fr')).toEqual({ headcount, headcountApproximate });
  });

  it.each([
    ["There are six of us, and we've been trading since 2015.", 6, false],
    ["We're a team of twelve in Leeds, with 10 clients on retainer.", 12, false],
    ['We have about 40 staff across two sites.', 40, true],
    ['A dozen people work in the bakery.', 12, true],
    ['A joinery with forty-five employees, founded in 1987.', 45, false],
    ["Well, we're a family joinery in County Cork, eleven of us.", 11, false],
  ])('reads "%s" in English as %i (approximate: %s)', (answer, headcount, headcountApproximate) => {
    expect(headcountOf(answer, 'en')).toEqual({ headcount, headcountApproximate });
  });

  it('reads no headcount from years, clients, shops, other firms, hires or durations', () => {
    const none = { headcount: null, headcountApproximate: false };
    for (const answer of [
      'Nous existons depuis 2019, avec 10 clients réguliers et 3 magasins.',
      'Nos clients sont des PME de 10 à 250 salariés.',
      "On a embauché 3 personnes l'an dernier.",
      "On est installés ici depuis une quinzaine d'années.",
      'On est 3 magasins dans le département.',
      'On livre les 30 salariés de notre client principal.',
    ])
      expect(headcountOf(answer, 'fr'), answer).toEqual(none);
    for (const answer of [
      "We've been trading since 2019, with 10 clients and 3 shops.",
      'Our customers are firms of 10 to 250 employees.',
      'We train 200 people a year.',
      'Two of us handle the IT on top of our jobs.',
    ])
      expect(headcountOf(answer, 'en'), answer).toEqual(none);
  });

  it('reads no headcount from a run of digits no firm has, and keeps the summary valid', () => {
    for (const answer of [
      `Nous sommes ${'1234567890'.repeat(4)} salariés.`,
      `On est ${'9'.repeat(400)} personnes.`,
      'We have 99999999 employees.',
    ]) {
      const summary = summaryOf(answer, answer.startsWith('We') ? 'en' : 'fr');
      expect(summary.respondent.headcount, answer).toBeNull();
      expect(Summary.safeParse(summary).success, answer).toBe(true);
    }
    expect(headcountOf('Nous sommes 250000 salariés.', 'fr')).toEqual({
      headcount: 250000,
      headcountApproximate: false,
    });
  });

  it("reads none from an expert's presentation, whose numbers are the SMEs'", () => {
    expect(
      headcountOf(
        'Nous sommes une quinzaine de conseillers et suivons des PME de 10 à 250 salariés.',
        'fr',
        'expert',
      ),
    ).toEqual({ headcount: null, headcountApproximate: false });
  });

  it('says an approximate headcount is approximate in the exports', () => {
    expect(renderMarkdown(summaryOf('Nous sommes une quinzaine.', 'fr'))).toContain(
      '- Effectif\u00a0: environ 15\n',
    );
    expect(renderMarkdown(summaryOf('We have about 40 staff.', 'en'))).toContain('- Headcount: about 40\n');
    expect(renderMarkdown(summaryOf('Nous sommes 9 salariés.', 'fr'))).toContain('- Effectif\u00a0: 9\n');
  });
});
