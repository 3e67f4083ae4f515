import { describe, expect, it } from 'vitest';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { pseudonymFor, pseudonymizeText } from '../../src/core/privacy/pseudonymize.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'study-key-one';

describe('names given at presentation', () => {
  it('finds the respondent and the firm in a French presentation', () => {
    const names = findIntroducedNames(
      "Bonjour, je m'appelle Hélène Garnier, je suis gérante de la société Transports Garnier Frères à Valence.",
    );
    expect(names).toContainEqual(expect.objectContaining({ kind: 'person', text: 'Hélène Garnier' }));
    expect(names).toContainEqual(
      expect.objectContaining({ kind: 'company', text: 'Transports Garnier Frères' }),
    );
  });

  it('finds them in English and ignores job titles after a cue', () => {
    const names = findIntroducedNames(
      'My name is Tom Baxter and I run the company Baxter Joinery near Leeds. I am Director.',
    );
    expect(names).toContainEqual(expect.objectContaining({ kind: 'person', text: 'Tom Baxter' }));
    expect(names).toContainEqual(expect.objectContaining({ kind: 'company', text: 'Baxter Joinery' }));
    expect(names.some((n) => n.text === 'Director')).toBe(false);
  });
});

describe('names introduced in everyday ways', () => {
  const replaced = (presentation: string, later: string) =>
    pseudonymizeText(later, findIntroducedNames(presentation), KEY, 'fr').text;

  it('finds a firm after "je dirige", "gérant de", "mon entreprise," and an article', () => {
    for (const presentation of [
      'Je dirige Kerguelen Conserverie SARL à Douarnenez.',
      'Je suis le gérant de Kerguelen Conserverie, 12 salariés.',
      'Mon entreprise, Kerguelen Conserverie, emploie 12 personnes.',
      'Nous sommes la Kerguelen Conserverie, une PME de 12 salariés.',
    ]) {
      expect(findIntroducedNames(presentation)).toContainEqual(
        expect.objectContaining({ kind: 'company', text: expect.stringMatching(/^Kerguelen Conserverie/) }),
      );
    }
    expect(findIntroducedNames('We are Hartley & Finch, a homeware shop in Devon.')).toContainEqual(
      expect.objectContaining({ kind: 'company', text: 'Hartley & Finch' }),
    );
  });

  it('replaces a first name, a surname or the distinctive word of the firm said alone later', () => {
    const later = replaced(
      "Je m'appelle Martine Kerguelen, je dirige Kerguelen Conserverie SARL.",
      "Chez Kerguelen on a un ERP, c'est Martine qui a lancé la boutique en ligne.",
    );
    expect(later).not.toMatch(/Kerguelen|Martine/);
    expect(later).toContain('on a un ERP');
  });

  it('leaves the same word alone when it is a common word in lower case', () => {
    const later = replaced('Je dirige Conserverie Rose à Brest.', 'La rose des vents est notre logo.');
    expect(later).toBe('La rose des vents est notre logo.');
  });

  it('takes a name given in lower case after "je m\'appelle" or "my name is"', () => {
    expect(
      findIntroducedNames("Bonjour, je m'appelle paul le gall et je dirige une conserverie."),
    ).toContainEqual(expect.objectContaining({ kind: 'person', text: 'paul le gall' }));
    expect(findIntroducedNames("je m'appelle comme mon père, ça fait rire")).toEqual([]);
    expect(findIntroducedNames('hi, my name is jo hartley, I run a shop')).toContainEqual(
      expect.objectContaining({ kind: 'person', text: 'jo hartley' }),
    );
  });
});

describe('pseudonymizeText', () => {
  it('replaces names, e-mails, phone numbers and URLs and keeps the rest', () => {
    const names = [
      { kind: 'person' as const, text: 'Hélène Garnier' },
      { kind: 'company' as const, text: 'Transports Garnier' },
    ];
    const text =
      'Chez Transports Garnier on a un site www.transports-garnier.fr, écrivez à h.garnier@tg-transports.fr ou au 04 75 12 34 56. Hélène Garnier répond.';
    const result = pseudonymizeText(text, names, KEY, 'fr');
    expect(result.text).not.toMatch(/Garnier|garnier|04 75|@/);
    expect(result.text).toContain('Chez [ENTREPRISE-');
    expect(result.text).toContain('[EMAIL-');
    expect(result.text).toContain('[TEL-');
    expect(result.text).toContain('[URL-');
    expect(result.text).toContain(' répond.');
  });

  it('replaces a social network account, not an e-mail address or a lone "@"', () => {
    const result = pseudonymizeText(
      'Follow us on @spokeandchain_bikes or write to shop@spoke.co.nz, @ the counter.',
      [],
      KEY,
      'en',
    );
    expect(result.text).toMatch(
      /^Follow us on \[ACCOUNT-[0-9A-F]{6}\] or write to \[EMAIL-[0-9A-F]{6}\], @ the counter\.$/,
    );
    expect(pseudonymizeText('Notre compte @Boulangerie.Morvan', [], KEY, 'fr').text).toMatch(
      /^Notre compte \[COMPTE-[0-9A-F]{6}\]$/,
    );
  });

  it('takes a phone number whole or not at all: no pseudonym in the middle of a longer run of digits', () => {
    expect(pseudonymizeText('Mon portable : +33 6 12 34 56 78.', [], KEY, 'fr').text).toMatch(
      /^Mon portable : \[TEL-[0-9A-F]+\]\.$/,
    );
    const run = 'Référence 12345678901234567890 sur la facture.';
    expect(pseudonymizeText(run, [], KEY, 'fr').text).toBe(run);
  });

  it('maps the same firm to the same pseudonym with one key, and to another with another key', () => {
    const a = pseudonymizeText(
      'Boulangerie Morel livre.',
      [{ kind: 'company', text: 'Boulangerie Morel' }],
      KEY,
      'fr',
    );
    const b = pseudonymizeText(
      'On travaille avec BOULANGERIE MOREL.',
      [{ kind: 'company', text: 'Boulangerie Morel' }],
      KEY,
      'fr',
    );
    const pseudonym = pseudonymFor(KEY, 'company', 'Boulangerie Morel', 'fr');
    expect(a.text).toContain(pseudonym);
    expect(b.text).toContain(pseudonym);
    expect(pseudonymFor('another-key', 'company', 'Boulangerie Morel', 'fr')).not.toBe(pseudonym);
  });

  it('does not replace a name inside another word', () => {
    const result = pseudonymizeText('Paul utilise Paulownia.', [{ kind: 'person', text: 'Paul' }], KEY, 'fr');
    expect(result.text).toMatch(/^\[PERSONNE-[0-9A-F]{6}\] utilise Paulownia\.$/);
  });

  it('maps evidence offsets so spans still point at the same words', () => {
    const text = 'Mme Roux dit que le CRM aide les clients.';
    const result = pseudonymizeText(text, [{ kind: 'person', text: 'Roux' }], KEY, 'fr');
    const start = text.indexOf('CRM');
    const mapped = result.mapOffset(start);
    expect(result.text.slice(mapped, result.mapOffset(start + 3))).toBe('CRM');
  });
});

describe('firms named with their trade, legal form or article', () => {
  const firms = (text: string) => new Set(text.match(/\[ENTREPRISE-[0-9A-F]{6}\]/g));

  it.each([
    [
      'Je dirige la menuiserie Kerguelen à Quimper.',
      'Chez Kerguelen on a un ERP. La SARL Kerguelen vend.',
      'Kerguelen',
    ],
    [
      'Nous sommes la boulangerie Pichon, à Brest.',
      'Pichon livre, Boulangerie Pichon SAS facture.',
      'Pichon',
    ],
    ['On est une petite boulangerie, la boulangerie Pichon.', 'Chez Pichon on vend en ligne.', 'Pichon'],
    [
      'I run Brightwater Joinery Ltd in Leeds.',
      'At Brightwater we use Xero; Brightwater Joinery is busy.',
      'Brightwater',
    ],
    ["We're a family firm, Hollis & Sons.", 'Hollis buys timber, Hollis & Sons LLC sells it.', 'Hollis'],
    ['Je dirige la société Martin Frères.', 'Martin Frères livre, chez Martin on facture.', 'Martin'],
    ["J'ai repris l'entreprise familiale Durand.", 'Durand a un site, la SAS Durand aussi.', 'Durand'],
    [
      'Mon entreprise de plomberie, Plomberie Ricard, a 5 salariés.',
      'Ricard répond, SARL Ricard aussi.',
      'Ricard',
    ],
    ['Je dirige la verrerie Kerguelen.', 'Kerguelen souffle le verre.', 'Kerguelen'],
    ['Je suis la gérante de Le Goff Thermique.', 'Le Goff Thermique et Le Goff, chez Goff.', 'Goff'],
  ])('"%s" then "%s": no %s, one pseudonym', (presentation, later, name) => {
    const text = presentedThenLater(presentation, later, KEY, 'fr');
    expect(text).not.toContain(name);
    expect(text).not.toMatch(/\bLe \[ENTREPRISE/);
    expect(firms(text).size).toBe(1);
  });

  it('keeps the words around the firm: trade, place, sentence starts', () => {
    const presentation =
      'Depuis 2010, je dirige la menuiserie Kerguelen à Quimper. Aujourd’hui nous sommes 14.';
    const result = pseudonymizeText(presentation, findIntroducedNames(presentation), KEY, 'fr').text;
    expect(result).toMatch(
      /^Depuis 2010, je dirige la menuiserie \[ENTREPRISE-[0-9A-F]{6}\] à Quimper\. Aujourd’hui/,
    );
  });

  it('finds no firm in brands, places, people in passing, the CCI or the bank', () => {
    for (const presentation of [
      'Nous vendons sur la boutique Shopify et la page Facebook, la compta est sur Sage, je gère le site Wix.',
      'Je dirige une entreprise de 12 salariés à Quimper ; la CCI et la banque nous suivent.',
      'On est une petite fromagerie du Jura, on vend au marché.',
      "J'ai travaillé chez Leroy Merlin, puis avec la French Tech de Montpellier.",
      'Je dirige le service Qualité et les Ressources Humaines.',
      "we're an MSP, on est a Concarneau",
    ])
      expect(findIntroducedNames(presentation), presentation).toEqual([]);
    // A relative named in passing is a person, no firm.
    expect(
      findIntroducedNames('I run a small bakery in Leeds with my brother Tom.').map((n) => [n.kind, n.text]),
    ).toEqual([['person', 'Tom']]);
  });

  it('finds the name in capitals, and in an answer written all in lower case', () => {
    const names = findIntroducedNames('Je dirige la SARL Kerguelen.');
    for (const later of ['KERGUELEN a un ERP.', 'chez kerguelen on a un erp'])
      expect(pseudonymizeText(later, names, KEY, 'fr').text).not.toMatch(/kerguelen/i);
  });
});

describe('work bounded by the length of the answer', () => {
  const names = (text: string) => findIntroducedNames(text);

  it('reads a 4,000-character presentation typed in capitals without joining it into one name', () => {
    // No punctuation: nothing but the word lists ends a name.
    const sentence =
      "NOUS SOMMES UNE PETITE ENTREPRISE DE MENUISERIE À QUIMPER JE M'APPELLE ANNE ROUX ET JE DIRIGE LA SOCIETE KERGUELEN ";
    const presentation = sentence.repeat(Math.ceil(4000 / sentence.length));
    const found = names(presentation);
    expect(found.every((name) => name.text.split(/\s+/).length <= 8)).toBe(true);
    const later = pseudonymizeText('Chez Kerguelen, Anne Roux a tout informatisé.', found, KEY, 'fr').text;
    expect(later).not.toMatch(/Kerguelen|Anne|Roux/);
  }, 5000);

  it('reads a 500 KB transcript naming the firm after every cue', () => {
    const transcript = 'on travaille chez Kerguelen et '.repeat(16_000);
    expect(names(transcript)).toContainEqual(expect.objectContaining({ kind: 'company', text: 'Kerguelen' }));
  }, 5000);

  it('reads 500 KB of "je m\'appelle" without copying the rest of the text for each', () => {
    const transcript = "je m'appelle paul le gall et je dirige la menuiserie Kerguelen. ".repeat(8_000);
    expect(names(transcript)).toContainEqual(
      expect.objectContaining({ kind: 'person', text: 'paul le gall' }),
    );
  }, 5000);
});

describe('sentence openers and case changes between answers', () => {
  const replaced = (presentation: string, later: string) =>
    pseudonymizeText(later, findIntroducedNames(presentation), KEY, 'fr').text;

  it('keeps "C\'est" and "We\'re" out of the firm\'s name and its pseudonym', () => {
    const french = findIntroducedNames("C'est Menuiserie Vidal, à Brest, on est 12.");
    expect(french.every((name) => !/C'est/.test(name.text))).toBe(true);
    expect(french).toContainEqual(expect.objectContaining({ kind: 'company', canonical: 'Vidal' }));
    expect(
      replaced(
        "C'est Menuiserie Vidal, à Brest, on est 12.",
        "C'est surtout Sage… C'est notre comptable qui l'a proposé.",
      ),
    ).toBe("C'est surtout Sage… C'est notre comptable qui l'a proposé.");
    // The same firm gets the same pseudonym however the sentence around it opened.
    expect(replaced("C'est Menuiserie Vidal, à Brest.", 'Vidal')).toBe(
      replaced('Je dirige la menuiserie Vidal.', 'Vidal'),
    );
    expect(replaced("We're Hartley & Finch Ltd, in Leeds.", "We're using Xero. Hartley does it.")).toMatch(
      /^We're using Xero\. \[ENTREPRISE-[0-9A-F]{6}\] does it\.$/,
    );
    expect(
      findIntroducedNames("M'appelle Anne. J'ai repris Kerguelen SARL.").map((n) => n.text),
    ).not.toContain("M'appelle");
  });

  it('replaces a name given in capitals when it is later said capitalised, and keeps verbs out of the firm', () => {
    const presentation = "JE M'APPELLE ANNE ROUX, JE SUIS GÉRANTE D'UNE BOULANGERIE À NANTES.";
    expect(replaced(presentation, "C'est Anne qui fait tout. Roux.")).not.toMatch(/Anne|Roux/);
    const firm = findIntroducedNames(
      "JE M'APPELLE ANNE ROUX ET JE DIRIGE LA MENUISERIE KERGUELEN À QUIMPER.",
    ).filter((name) => name.kind === 'company');
    const words = firm.flatMap((name) => name.text.split(/\s+/));
    expect(words).toContain('KERGUELEN');
    for (const word of ['ANNE', 'ROUX', 'DIRIGE', "M'APPELLE", 'QUIMPER']) expect(words).not.toContain(word);
    expect(replaced('I AM TOM BAXTER AND I RUN BRIGHTWATER JOINERY.', 'Tom says Brightwater works.')).toMatch(
      /^\[PERSONNE-[0-9A-F]{6}\] says \[ENTREPRISE-[0-9A-F]{6}\] works\.$/,
    );
  });

  it('replaces a name given in lower case when it is later said capitalised, not a lower-case word', () => {
    expect(replaced("je m'appelle paul le gall, je dirige une conserverie", 'Paul, Le Gall')).toMatch(
      /^\[PERSONNE-[0-9A-F]{6}\], \[PERSONNE-[0-9A-F]{6}\]$/,
    );
    expect(replaced('hi, my name is jo hartley, I run a shop', 'Jo Hartley and Hartley.')).not.toMatch(
      /Hartley/,
    );
    expect(replaced("je m'appelle marie rose", 'Marie aime la rose des vents.')).toMatch(/la rose des vents/);
  });
});
