import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';
import { loadLexicon } from '../../src/core/tagger/lexicon.js';
import { REAL_WORDS_FILE, realWordsFor } from '../../src/core/tagger/real-words.js';
import { oneTypoApart } from '../../src/core/tagger/spelling.js';
import { stemmerFor } from '../../src/core/tagger/stemmers.js';
import { languageModels } from '../../src/core/tagger/tagger.js';
import { tokenize } from '../../src/core/tagger/text.js';
import { LEXICON_DIR } from '../../src/paths.js';

const tagger = createTagger();
const toolIds = (text: string) => tagger.tag(text).tools.map((t) => t.id);
const french = languageModels(loadLexicon(LEXICON_DIR))('fr');

describe('typos in the words the tagger reads', () => {
  it('reads a misspelt tool word as the word it stands for, in French and in English', () => {
    expect(toolIds("On a lancé la dématérialsation des factures l'an dernier, plus aucun papier.")).toContain(
      'dematerialization',
    );
    expect(toolIds('Les commandes arrivent par la marketplce, on expédie le lendemain.')).toEqual([
      'marketplace',
    ]);
    expect(toolIds('We sell through a marketplce, mostly to Germany.')).toContain('marketplace');
  });

  it('reads a participle in any gender and number, with or without its accents, as one word', () => {
    for (const text of [
      'On a une caisse connectée depuis deux ans.',
      'On a une caisse connecté depuis deux ans.',
      'On a une caisse connectee depuis deux ans.',
      'On a deux caisses connectées depuis deux ans.',
    ])
      expect(toolIds(text)).toEqual(['cloud_virtualization']);
    const stem = stemmerFor('fr');
    expect(new Set(['connecte', 'connectee', 'connectes', 'connectees'].map(stem)).size).toBe(1);
  });

  it('quotes the answer as written', () => {
    const text = 'Nos clients commandent sur la boutiqe en ligne, surtout le dimanche soir.';
    const shop = tagger.tag(text).tools.find((t) => t.id === 'ecommerce_website');
    expect(shop?.evidence[0]?.text).toBe('boutiqe en ligne');
  });

  it('never takes a real word for a typo, nor a name inside a sentence', () => {
    expect(french.speller.correct('factures')).toBeUndefined();
    expect(french.speller.correct('remote')).toBeUndefined();
    const read = (text: string) =>
      tokenize(text, 'fr', stemmerFor('fr'), french.words, (norm) => french.speller.correct(norm)).map(
        (t) => t.norm,
      );
    expect(read('Nous sommes installés à Angers.')).toContain('angers');
    expect(read('Marketplce pour les pièces détachées.')[0]).toBe('marketplace');
  });

  it('leaves a word alone when it could be a typo of two different ones', () => {
    // "clould": cloud or could.
    expect(french.speller.correct('marketplce')).toBe('marketplace');
    expect(languageModels(loadLexicon(LEXICON_DIR))('en').speller.correct('clould')).toBeUndefined();
  });

  it('counts one typo as one letter added, dropped, replaced, or two neighbours swapped', () => {
    expect(oneTypoApart('facture', 'factrue')).toBe(true);
    expect(oneTypoApart('facture', 'factre')).toBe(true);
    expect(oneTypoApart('facture', 'facturre')).toBe(true);
    expect(oneTypoApart('facture', 'facturo')).toBe(true);
    expect(oneTypoApart('facture', 'fcaturo')).toBe(false);
    expect(oneTypoApart('facture', 'facture')).toBe(false);
    expect(oneTypoApart('facture', 'factures2')).toBe(false);
  });

  it('ships the list of real words near the lexicon up to date (npm run real-words)', () => {
    const shipped: unknown = JSON.parse(readFileSync(join(LEXICON_DIR, REAL_WORDS_FILE), 'utf8'));
    const expected = realWordsFor(loadLexicon(LEXICON_DIR));
    expect(shipped).toMatchObject({ realWords: expected });
  });
});
