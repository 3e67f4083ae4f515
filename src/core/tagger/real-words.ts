import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LEXICON_DIR } from '../../paths.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { realWordsNear } from './spelling.js';
import { lexiconWords } from './tagger.js';
import { foldUncached } from './text.js';

/**
 * `npm run real-words`: lists the real French and English words one typo away from a lexicon word, from
 * the spelling dictionaries (development dependencies), into lexicon/real-words.json, so that the
 * runtime never takes them for typos. English words count in French answers too ("remote", "system").
 * Re-run after adding words to the lexicon (a test says when the list is out of date).
 */
export const REAL_WORDS_FILE = 'real-words.json';
const DICTIONARIES = ['an-array-of-french-words', 'an-array-of-english-words'] as const;

const WordList = z.array(z.string());

function dictionaryWords(): Set<string> {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const name of DICTIONARIES) {
    const parsed = WordList.safeParse(JSON.parse(readFileSync(require.resolve(name), 'utf8')));
    if (!parsed.success) throw new Error(`${name}: not a list of words`);
    for (const word of parsed.data) words.add(foldUncached(word));
  }
  return words;
}

/** The list for this lexicon (its own `realWords` aside, so that the list does not feed itself). */
export function realWordsFor(lexicon: Lexicon): string[] {
  const words = new Set([...lexiconWords(lexicon, 'fr'), ...lexiconWords(lexicon, 'en')]);
  return realWordsNear(words, dictionaryWords());
}

export function writeRealWords(lexiconDir: string = LEXICON_DIR): string {
  const file = join(lexiconDir, REAL_WORDS_FILE);
  const body = {
    description:
      'Real words one typo away from a lexicon word, never read as typos; listed by `npm run real-words` from French and English spelling dictionaries. Do not edit by hand.',
    realWords: realWordsFor(loadLexicon(lexiconDir)),
  };
  writeFileSync(file, `${JSON.stringify(body, null, 0)}\n`);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`written: ${writeRealWords()}`);
}
