import { describe, expect, it } from 'vitest';
import { PERTURBATIONS } from '../../bench/perturb.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { isGibberish, isUnreadable } from '../../src/core/interview/gibberish.js';
import { CORPUS_SPLITS, loadCorpus } from '../../src/core/tagger/corpus.js';
import { buildTagger, createTagger, loadLexicon, type Tagger } from '../../src/core/tagger/index.js';
import { LEXICON_DIR } from '../../src/paths.js';
import { CoreSession } from './session.js';

const MASH = [
  'asdfgh qsdkj',
  'zzzzzz',
  'lkjqsd mlkqsjd',
  'qsdfghjklm',
  'Azerty uiop',
  'qwerty',
  'jhgfds',
  'sdfsdfsdf',
  'xcvbn wxcv',
  'fhdjskal',
  'xjqzv',
  'wwcb gdsf gdsfsa',
  'dfghj, poiuytr !',
  'ok qsdfghjk',
  '123456789',
  '1111',
  '0612345678',
  '!!!???',
  '...',
  '😀😀',
];

const GENUINE = [
  ...['oui', 'non', 'ERP', 'CRM', 'Sage', 'CRM et EDI', 'je ne sais pas', 'jsp', 'chai pas', 'jai pas'],
  ...['45 salariés', '45', '1998', '12 personnes', '1 200 000 €', '44000', '06 12 34 56 78', 'B2B'],
  ...['Loire-Atlantique', 'Plougastel-Daoulas', 'Schiltigheim', 'Kerguelen', 'Ploërmel', 'Metz', 'Caen'],
  ...['pas vraiment', 'ok', 'bof', 'bah oui', 'mouais', 'euh', 'hmm', 'pff', 'grave', 'nickel', 'merci'],
  ...['Yes, mostly', 'not really', 'Nope', 'yep', 'I guess', 'dunno', 'idk', 'no idea', 'Of course'],
  ...['RGPD', 'rgpd', 'SMS', 'PME', 'TPE', 'Pdg', 'DSI', 'DAF', 'SAV', 'Ehpad', 'Kbis', 'CNIL', 'DGCCRF'],
  ...['Qonto', 'Shopify', 'Pennylane', 'Axonaut', 'Dolibarr', 'Odoo', 'Sellsy', 'HubSpot', 'Zapier', 'Qlik'],
  ...['WhatsApp', 'Wix', 'Canva', 'Teams', 'Zoom', 'Google Drive', 'Trello', 'Kizeo', 'Batappli', 'Jtekt'],
  ...['Würth, Knauf et Schneider', 'gérant', 'cogérant', 'la boite', 'cest ca', "j'sais pas", 'CEO'],
  ...['dématérialsation', 'marketplce', 'sécurtié', 'entreprize', 'logitiel', 'numériqe', 'custmers'],
];

const guides = loadGuides();

describe('gibberish', () => {
  it('reads keyboard mash, noise, strings of digits and punctuation alone as gibberish', () => {
    expect(MASH.filter((text) => !isGibberish(text))).toEqual([]);
  });

  it('never reads a short genuine answer in French or English as gibberish', () => {
    expect(GENUINE.filter((text) => isGibberish(text))).toEqual([]);
  });

  it('reads none of the corpus answers, their sentences or their clauses as gibberish, however typed', () => {
    const texts = CORPUS_SPLITS.flatMap((split) => loadCorpus(split)).flatMap((item) => [
      item.text,
      ...item.text.split(/[.,;:!?()«»"—–\n]+/u).filter((part) => /[\p{L}\p{N}]/u.test(part)),
    ]);
    expect(texts.length).toBeGreaterThan(30_000);
    const untidy = Object.values(PERTURBATIONS).flatMap((perturb) => texts.map(perturb));
    expect([...texts, ...untidy].filter((text) => isGibberish(text))).toEqual([]);
    expect([...texts, ...untidy].filter((text) => isUnreadable(text))).toEqual([]);
  });

  it("reads the interview's answers with the words of its tagger's lexicon, which data can extend", () => {
    const lexicon = loadLexicon(LEXICON_DIR);
    // What a lexicon file listing the word among its `realWords` adds.
    lexicon.realWords.push('kwyzpr');
    const answerAfterConsent = (tagger: Tagger) => {
      const session = new CoreSession(guides, tagger, 'fr', 'manager');
      session.start();
      session.say('oui');
      return session.say('kwyzpr');
    };
    expect(answerAfterConsent(createTagger())[0]).toBe(guides.fr.messages.reaskGibberish);
    expect(answerAfterConsent(buildTagger(lexicon))).not.toContain(guides.fr.messages.reaskGibberish);
    expect(isGibberish('asdfgh qsdkj', buildTagger(lexicon).knownWords?.())).toBe(true);
  });
});

/** `count` bytes of seeded noise, as a binary file piped in gives them. */
function randomBytes(count: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state >>> 16;
  });
}

describe('binary data', () => {
  const lines = new TextDecoder().decode(randomBytes(3000, 11)).split('\n');

  it('reads decoded random bytes as unreadable, and a few accents lost to an encoding as text', () => {
    expect(lines.filter((line) => line.length >= 8 && !isUnreadable(line))).toEqual([]);
    expect(isUnreadable('Notre r\uFFFDseau de distributeurs a chang\uFFFD')).toBe(false);
    expect(isUnreadable('\u0001\u0002\u0003ab')).toBe(true);
    expect(isUnreadable('Oui, deux lignes\n\tet une tabulation')).toBe(false);
  });

  it.each([
    ['fr', 'oui'],
    ['en', 'yes'],
  ] as const)('reads a few letters between binary bytes as no answer (%s)', (lang, consent) => {
    // What a PNG piped in gives, split at its line breaks: its signature, then a chunk name.
    for (const fragment of ['\uFFFDPNG', '\u001A\u0000IHDR', 'IEND\uFFFDB`\uFFFD']) {
      expect(isUnreadable(fragment), fragment).toBe(true);
    }
    const session = new CoreSession(guides, createTagger(), lang, 'manager');
    session.start();
    session.say(consent);
    expect(session.say('\uFFFDPNG')).toContain(guides[lang].messages.reaskGibberish);
    expect(session.turns.filter((t) => t.kind === 'answer' && t.text.includes('PNG'))).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('answers no question with it, and stores none of it (%s)', (lang) => {
    const session = new CoreSession(guides, createTagger(), lang, 'manager');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    const replies = lines.flatMap((line) => session.say(line));
    expect(replies.filter((reply) => reply === guides[lang].messages.reaskGibberish).length).toBeGreaterThan(
      0,
    );
    const stored = session.turns.filter(
      (t) => t.kind === 'answer' || t.kind === 'amend' || t.kind === 'event',
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
    const noise = /[\uFFFD\u0000-\u0008\u000E-\u001F]/u;
    expect(stored.filter((t) => noise.test(t.text) || noise.test(JSON.stringify(t.data)))).toEqual([]);
    expect(session.turns.filter((t) => t.kind === 'skip').map((t) => t.data)).toContainEqual({
      reason: 'unreadable',
    });
  });
});
