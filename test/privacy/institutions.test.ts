import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { pseudonymFor, pseudonymizeText } from '../../src/core/privacy/pseudonymize.js';
import { buildStudy, buildSummary, renderStudy, renderSummary } from '../../src/core/summary/index.js';
import { STUDY_FORMATS, SUMMARY_FORMATS } from '../../src/export/index.js';
import { unescapeXml, unzip } from '../export/helpers.js';
import { metaFor, TurnLog } from '../summary/helpers.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'c'.repeat(64);

/** The presentation, then a later answer, as an export shows them. */
const replaced = (presentation: string, later: string, lang: Language): string =>
  presentedThenLater(presentation, later, KEY, lang);

describe("an expert's institution", () => {
  it.each([
    [
      "I'm Sarah Whitfield, I lead the digital programme at Brightwater Business Hub in Leeds.",
      'Brightwater runs workshops.',
      'Brightwater',
      'in Leeds',
    ],
    ['I work for Brightwater Business Hub.', 'Brightwater Business Hub has a CRM.', 'Brightwater', 'a CRM'],
    ['I work at Northgate Hub, near York.', 'Northgate trains advisers.', 'Northgate', 'near York'],
    ["I'm a consultant with Ashdown Partners.", 'Ashdown uses Xero.', 'Ashdown', 'uses Xero'],
    ['Our hub, Northgate Enterprise, supports 300 firms.', 'Northgate is funded.', 'Northgate', '300 firms'],
    ['Je travaille chez Armor Conseil depuis 2015.', 'Armor Conseil forme les TPE.', 'Armor', 'les TPE'],
    ['Je travaille pour Armor Conseil à Vannes.', 'Chez Armor on aide.', 'Armor', 'à Vannes'],
    [
      "Je dirige le pôle numérique de l'agence Kerlann Développement.",
      'Kerlann accompagne 80 PME.',
      'Kerlann',
      'le pôle numérique',
    ],
    [
      'Notre structure, Kerlann Développement, accompagne les PME.',
      'Kerlann forme.',
      'Kerlann',
      'accompagne les PME',
    ],
  ])('"%s" then "%s": no %s, the rest as said', (presentation, later, name, kept) => {
    const lang: Language = /\b(?:I|Our)\b/.test(presentation) ? 'en' : 'fr';
    const text = replaced(presentation, later, lang);
    expect(text).not.toContain(name);
    expect(text).toContain(kept);
    expect(text).toMatch(lang === 'en' ? /\[COMPANY-[0-9A-F]{6}\]/ : /\[ENTREPRISE-[0-9A-F]{6}\]/);
  });

  it('keeps generic institutions, places and the common words of names', () => {
    for (const [presentation, later] of [
      ['Je suis conseillère numérique à la CCI de Rennes.', 'La CCI de Rennes suit 400 TPE.'],
      ['Je suis conseillère à la Région Bretagne, avant chez Bpifrance.', 'Bpifrance finance.'],
      ['Je travaille pour la Région, avec des PME du Finistère.', 'La Région aide.'],
      [
        'I work at the Chamber of Commerce in Leeds, with SMEs in Yorkshire.',
        'The Chamber of Commerce helps.',
      ],
      ["I'm an adviser at Bpifrance. I lead the digital team in Leeds.", 'Bpifrance lends.'],
      ["I'm a consultant with SMEs across Yorkshire; I work at the Growth Hub.", 'The Growth Hub helps.'],
    ] as const) {
      expect(findIntroducedNames(presentation), presentation).toEqual([]);
      expect(replaced(presentation, later, 'fr')).toBe(`${presentation}\n${later}`);
    }
    expect(
      replaced('Je travaille chez Armor Conseil.', 'Le Conseil Régional nous finance.', 'fr').split('\n')[1],
    ).toBe('Le Conseil Régional nous finance.');
  });
});

describe('a public body named by its place', () => {
  it.each([
    [
      'I lead the digital programme at Leeds City Council.',
      'Leeds City Council pays; Leeds is a big city.',
      'en',
    ],
    ["I'm digital lead at Leeds City Council.", 'The City Council pays.', 'en'],
    [
      'I work for Kent County Council, with SMEs across Kent.',
      'Kent is rural; Kent County Council funds us.',
      'en',
    ],
    ["I'm a business adviser with Calderdale Council.", 'Calderdale has many small firms.', 'en'],
    ['I WORK AT LEEDS CITY COUNCIL.', 'Leeds is where most of our firms are.', 'en'],
    ['Je suis chargé de mission pour Brest Métropole.', 'Brest Métropole finance ; Brest grandit.', 'fr'],
    [
      'Je travaille au sein du Conseil Départemental du Finistère.',
      'Le Finistère est rural, le Conseil Départemental du Finistère aide les TPE.',
      'fr',
    ],
    ['Je suis conseillère pour la Mairie de Rennes.', 'Rennes compte beaucoup de commerces.', 'fr'],
    ['Je travaille pour Mairie de Quimper.', 'Quimper aide ses artisans.', 'fr'],
    ['JE TRAVAILLE POUR RENNES MÉTROPOLE.', 'À Rennes les TPE vendent en ligne.', 'fr'],
  ] as const)('"%s" then "%s": the body and its place stay as said', (presentation, later, lang) => {
    expect(replaced(presentation, later, lang)).toBe(`${presentation}\n${later}`);
  });

  it('still replaces a private firm or hub named after a place', () => {
    const hub = replaced('I work for Leeds Business Hub.', 'Leeds Business Hub runs workshops.', 'en');
    expect(hub).not.toContain('Leeds');
    const firm = replaced(
      'Je dirige Rennes Conseil Numérique SARL, à côté de la mairie.',
      'Rennes Conseil Numérique forme les TPE.',
      'fr',
    );
    expect(firm).not.toMatch(/Rennes Conseil/);
    expect(firm).toContain('de la mairie');
  });
});

describe('pseudonym labels', () => {
  it('are in the language of the text, with the same code in both', () => {
    const names = findIntroducedNames("I'm Tom Baxter, I run Brightwater Joinery Ltd.");
    const english = pseudonymizeText('Tom Baxter: tom@bwj.co.uk, 0113 496 0000.', names, KEY, 'en').text;
    expect(english).toMatch(/^\[PERSON-[0-9A-F]{6}\]: \[EMAIL-[0-9A-F]{6}\], \[PHONE-[0-9A-F]{6}\]\.$/);
    for (const kind of ['person', 'company', 'email', 'phone', 'url'] as const) {
      const fr = pseudonymFor(KEY, kind, 'Brightwater', 'fr');
      const en = pseudonymFor(KEY, kind, 'Brightwater', 'en');
      expect(fr.slice(fr.lastIndexOf('-'))).toBe(en.slice(en.lastIndexOf('-')));
    }
    expect(pseudonymFor(KEY, 'company', 'Brightwater', 'en')).toMatch(/^\[COMPANY-/);
    expect(pseudonymFor(KEY, 'company', 'Brightwater', 'fr')).toMatch(/^\[ENTREPRISE-/);
  });
});

/** Every text a rendered export carries, archives opened and XML read back. */
function bodyText(body: string | Uint8Array): string {
  return unescapeXml(typeof body === 'string' ? body : [...unzip(body).values()].join('\n'));
}

function englishExpert(id: string) {
  const log = new TurnLog(id, 'en');
  log.qa(
    'presentation',
    'presentation.company',
    'Could you introduce yourself and your organisation?',
    "I'm Sarah Whitfield, I lead the digital programme at Brightwater Business Hub in Leeds; write to sarah@brightwater-hub.co.uk.",
  );
  log.qa(
    'tools',
    'tools.acquired',
    'Which digital tools do the firms you support adopt?',
    'At Brightwater we push Xero first, and Sarah helps them with Shopify.',
    { tools: [['ecommerce_website', 'Shopify']] },
  );
  return { meta: metaFor(id, 'en', 'expert'), turns: log.turns };
}

function frenchExpert(id: string) {
  const log = new TurnLog(id, 'fr');
  log.qa(
    'presentation',
    'presentation.company',
    'Pouvez-vous vous présenter ?',
    "Je suis Claire Morvan, je dirige le pôle numérique de l'agence Kerlann Développement, avec la CCI de Rennes ; avant je travaillais chez Brightwater Business Hub.",
  );
  log.qa(
    'tools',
    'tools.acquired',
    'Quels outils les entreprises adoptent-elles ?',
    'Chez Kerlann on conseille Sage, et Brightwater faisait pareil.',
    { tools: [['erp', 'Sage']] },
  );
  return { meta: metaFor(id, 'fr', 'expert'), turns: log.turns };
}

describe('an English expert interview in every export', () => {
  const english = englishExpert('itv-expert-en');
  const summary = buildSummary(english.meta, english.turns, { pseudonymKey: KEY });

  it.each(SUMMARY_FORMATS)(
    'leaves no institution, name or e-mail in the %s export, in English labels',
    (format) => {
      const text = bodyText(
        renderSummary(summary, format, 'en', { createdAt: '2025-03-05T09:00:00.000Z' }).body,
      );
      for (const word of ['Brightwater', 'Whitfield', 'Sarah', 'brightwater-hub'])
        expect(text).not.toContain(word);
      expect(text).not.toMatch(/ENTREPRISE-|PERSONNE-/);
      if (format !== 'csv') expect(text).toMatch(/COMPANY-[0-9A-F]{6}/);
    },
  );

  it('keeps the CCI and its town in the French interview, where the agency is replaced', () => {
    const french = frenchExpert('itv-expert-fr');
    const text = bodyText(
      renderSummary(buildSummary(french.meta, french.turns, { pseudonymKey: KEY }), 'md').body,
    );
    expect(text).toContain('avec la CCI de Rennes');
    expect(text).toMatch(/l'agence \\?\[ENTREPRISE-[0-9A-F]{6}\\?\]/);
    expect(text).not.toMatch(/Kerlann|Brightwater|COMPANY-/);
  });

  it.each(STUDY_FORMATS)('keeps English labels in a French study %s export, one code per firm', (format) => {
    const french = frenchExpert('itv-expert-fr');
    const frenchSummary = buildSummary(french.meta, french.turns, { pseudonymKey: KEY, lang: 'fr' });
    const study = buildStudy([summary, frenchSummary], 'fr');
    const text = bodyText(renderStudy(study, format, 'fr', { createdAt: '2025-03-05T09:00:00.000Z' }).body);
    for (const word of ['Brightwater', 'Whitfield', 'Kerlann', 'Morvan']) expect(text).not.toContain(word);
    if (format === 'csv') return;
    // Brightwater in the English interview and in the French one: the same code, each in its language.
    const inEnglish = /COMPANY-([0-9A-F]{6})\\?\] we push/.exec(text)?.[1];
    expect(inEnglish).toBeDefined();
    expect(/ENTREPRISE-([0-9A-F]{6})\\?\] faisait/.exec(text)?.[1]).toBe(inEnglish);
  });
});
