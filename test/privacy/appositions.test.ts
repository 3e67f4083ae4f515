import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { createPseudonymizer } from '../../src/core/privacy/tagged-text.js';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import { SUMMARY_FORMATS } from '../../src/export/index.js';
import { unzip } from '../export/helpers.js';
import { metaFor, TurnLog } from '../summary/helpers.js';

const KEY = 'study-key-appositions';

const pseudonyms = (text: string, label: string) =>
  new Set(text.match(new RegExp(`\\[${label}-[0-9A-F]{6}\\]`, 'g')));

/** The presentation and the later answers, as a summary pseudonymises them. */
function pseudonymised(presentation: string, later: readonly string[], lang: Language): string {
  const pseudonymizer = createPseudonymizer(KEY, [presentation], lang);
  return [presentation, ...later].map((text) => pseudonymizer.text(text)).join('\n');
}

const LABELS = {
  fr: { person: 'PERSONNE', company: 'ENTREPRISE' },
  en: { person: 'PERSON', company: 'COMPANY' },
} as const;

describe('a person named in apposition to a role or after a greeting', () => {
  it.each<[Language, string, string, string[]]>([
    [
      'en',
      "I'm the owner, John Hartley.",
      'John does the orders and Hartley signs the cheques.',
      ['John', 'Hartley'],
    ],
    [
      'en',
      'Hi, John Hartley here, I run a bakery in Leeds with 8 staff.',
      'Hartley bakes, John sells.',
      ['John', 'Hartley'],
    ],
    ['en', 'Co-founder, Priya Raman, we make furniture in Bristol.', 'Priya chose Xero.', ['Priya', 'Raman']],
    [
      'en',
      "I'm the MD, Tom Pickering, of a haulage firm.",
      'Tom Pickering set up the portal.',
      ['Pickering'],
    ],
    ['en', 'Sarah Lee, managing director of a print shop in York.', 'Sarah picked the CRM.', ['Sarah']],
    [
      'fr',
      'Bonjour, Jean Dupont, gérant de la menuiserie, 8 salariés.',
      "Jean fait les devis, Dupont c'est aussi le nom de l'atelier.",
      ['Jean', 'Dupont'],
    ],
    [
      'fr',
      'Je suis le gérant, Pierre Morvan, menuiserie à Quimper.',
      "Pierre a choisi l'ERP ; Morvan signe.",
      ['Pierre', 'Morvan'],
    ],
    ['fr', 'Le patron, Yann Kerouredan, 20 salariés.', 'Yann gère le site.', ['Yann', 'Kerouredan']],
    [
      'fr',
      "C'est la gérante, Anne Le Floch, qui répond.",
      'Anne Le Floch a choisi le logiciel.',
      ['Anne', 'Floch'],
    ],
    ['fr', 'Maëlle Tanguy, cogérante, on vend du cidre.', 'Maëlle tient la boutique en ligne.', ['Maëlle']],
  ])('(%s) "%s": the person is pseudonymised there and later', (lang, presentation, later, hidden) => {
    const text = pseudonymised(presentation, [later], lang);
    for (const name of hidden) expect(text).not.toContain(name);
    expect(pseudonyms(text, LABELS[lang].person).size).toBeGreaterThanOrEqual(1);
    expect(pseudonyms(text, LABELS[lang].company).size).toBe(0);
  });

  it.each([
    'Je suis le gérant, depuis 2010, de la menuiserie.',
    'Bonjour Madame, je suis gérante d’une boulangerie.',
    'Actuellement, gérant de la boulangerie artisanale.',
    'Personnellement, gérante depuis 2012.',
    'En tant que gérant, Internet a beaucoup changé mon travail.',
    'Hi, Good question. I run a bakery.',
    'Hello everyone, owner of a small bakery here.',
    "I'm the owner, Basically I do everything.",
    'Bonjour, Voilà, je tiens la boulangerie le matin.',
    'Bonjour Madame, Monsieur.',
  ])('reads no name in "%s"', (presentation) => {
    expect(findIntroducedNames(presentation)).toEqual([]);
  });
});

describe('a title before a name', () => {
  it('is not the name, and an article after it opens the surname', () => {
    const names = findIntroducedNames(
      'Bonjour Madame Le Goff, gérante de la boulangerie. Je suis Mme Garnier.',
    );
    expect(names.map((name) => name.text).sort()).toEqual(['Garnier', 'Goff', 'Le Goff']);
    expect(names.every((name) => name.kind === 'person')).toBe(true);
  });
});

describe('a firm after "à la tête de", "the company\'s name is" and the like', () => {
  it.each<[Language, string, string, string[]]>([
    [
      'fr',
      'Mon nom est Pierre Morvan et je suis à la tête de Bati Ouest.',
      'Chez Bati Ouest on a un ERP.',
      ['Bati', 'Ouest'],
    ],
    [
      'fr',
      'Le nom de notre entreprise est Kerlaz Innov, à Douarnenez.',
      'Kerlaz Innov vend en ligne.',
      ['Kerlaz'],
    ],
    ['fr', "Je m'occupe de Kerlaz Innov depuis 2015.", 'Kerlaz Innov vend en ligne.', ['Kerlaz']],
    ['fr', "Notre entreprise s'appelle Hollis Numérique.", 'Hollis Numérique a un site.', ['Hollis']],
    ['en', "I'm at the head of Ashcombe Digital, a web agency.", 'Ashcombe Digital uses Jira.', ['Ashcombe']],
    ['en', 'Our firm is called Ashcombe Digital.', 'Ashcombe Digital uses Jira.', ['Ashcombe']],
    ['en', "My company's name is Ashcombe Digital.", 'Ashcombe Digital uses Jira.', ['Ashcombe']],
  ])('(%s) "%s": the firm is pseudonymised there and later', (lang, presentation, later, hidden) => {
    const text = pseudonymised(presentation, [later], lang);
    for (const name of hidden) expect(text).not.toContain(name);
    expect(pseudonyms(text, LABELS[lang].company).size).toBe(1);
  });

  it('gives the firm and the person of one surname each their own kind', () => {
    const text = pseudonymised(
      "The company's name is Hollis Digital, I'm Sarah Hollis, the MD.",
      ['Sarah Hollis built the site of Hollis Digital.'],
      'en',
    );
    expect(text).not.toMatch(/Hollis|Sarah/);
    expect(text).not.toMatch(/\[PERSON-[0-9A-F]{6}\] Digital/);
    expect(pseudonyms(text, 'COMPANY').size).toBe(1);
    expect(pseudonyms(text, 'PERSON').size).toBe(1);
  });
});

describe('a firm named in quotes', () => {
  it.each<[Language, string, string, string[]]>([
    [
      'fr',
      'Boulangerie « Le Fournil de Marie », 5 salariés, à Brest.',
      'Le Fournil de Marie vend sur Facebook.',
      ['Fournil'],
    ],
    ['fr', 'Boulangerie "Au Bon Pain", 5 salariés, à Brest.', 'Au Bon Pain a un site.', ['Bon Pain']],
    ['fr', 'Je travaille à la société « Bati Ouest » depuis 2010.', 'Bati Ouest a un ERP.', ['Bati']],
    ['fr', "Je m'occupe de la société 'Kerlaz Innov'.", 'Kerlaz Innov vend en ligne.', ['Kerlaz']],
    [
      'fr',
      'boulangerie « le fournil de kervella », 5 salariés',
      'on livre pour le fournil de kervella',
      ['kervella'],
    ],
    [
      'en',
      "We run a café, 'The Copper Kettle', in Whitby.",
      'The Copper Kettle takes bookings online.',
      ['Copper Kettle'],
    ],
    ['en', 'Our firm is called “Ashcombe Digital”.', 'Ashcombe Digital uses Jira.', ['Ashcombe']],
    ['en', 'A bakery, "The Crusty Loaf", 8 staff.', 'We opened the Crusty Loaf in 2015.', ['Crusty Loaf']],
  ])('(%s) "%s": the firm is pseudonymised there and later', (lang, presentation, later, hidden) => {
    const text = pseudonymised(presentation, [later], lang);
    for (const name of hidden) expect(text).not.toContain(name);
    expect(pseudonyms(text, LABELS[lang].company).size).toBe(1);
  });

  it('keeps the common words of a quoted name where they are said as words', () => {
    const text = pseudonymised('Boulangerie "Au Bon Pain", 5 salariés.', ['Bon, on fait du bon pain.'], 'fr');
    expect(text).toContain('Bon, on fait du bon pain.');
  });

  it.each([
    'Nous sommes une entreprise "familiale" de 5 salariés.',
    'La boulangerie « bio » du quartier.',
    'On est une "petite" boîte, \'artisanale\' disons.',
    "Notre boulangerie, c'est « la base » du village.",
    'We are a "small" bakery, you know.',
    'Notre entreprise, "c\'est du solide" comme on dit.',
  ])('reads no name in "%s"', (presentation) => {
    expect(findIntroducedNames(presentation)).toEqual([]);
  });
});

describe('exports of an interview presented so', () => {
  function interview(lang: Language, presentation: string, later: string) {
    const log = new TurnLog(`itv-apposition-${lang}`, lang);
    const [introduce, tools] =
      lang === 'fr'
        ? ['Pouvez-vous vous présenter ?', 'Quels outils utilisez-vous ?']
        : ['Can you introduce yourself?', 'Which tools do you use?'];
    log.qa('presentation', 'company', introduce, presentation);
    log.qa('tools', 'tools', tools, later);
    return buildSummary(metaFor(`itv-apposition-${lang}`, lang), log.turns, { pseudonymKey: KEY });
  }
  const bodyText = (body: string | Uint8Array) =>
    typeof body === 'string' ? body : [...unzip(body).values()].join('\n');

  it.each<[Language, string, string, string[]]>([
    [
      'en',
      "I'm the owner, John Hartley. We're a bakery, \"Hartley's Crust\", in Leeds.",
      'John keeps the books in Xero; Hartley does the payroll.',
      ['John', 'Hartley'],
    ],
    [
      'fr',
      'Je suis le gérant, Pierre Morvan, menuiserie « Bois de Cornouaille » à Quimper.',
      'Pierre fait les devis, Bois de Cornouaille vend en ligne.',
      ['Pierre', 'Morvan', 'Cornouaille'],
    ],
  ])('(%s) leave no name in any summary format', (lang, presentation, later, hidden) => {
    const summary = interview(lang, presentation, later);
    for (const format of SUMMARY_FORMATS) {
      const text = bodyText(renderSummary(summary, format, lang).body);
      for (const name of hidden) expect(text, format).not.toContain(name);
    }
  });
});
