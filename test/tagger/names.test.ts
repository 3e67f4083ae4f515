import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { loadLexicon } from '../../src/core/tagger/lexicon.js';
import { compileWords, itemMatches, patternsFor } from '../../src/core/tagger/phrases.js';
import { stemmerFor } from '../../src/core/tagger/stemmers.js';
import { foldUncached, tokenize } from '../../src/core/tagger/text.js';
import { LEXICON_DIR } from '../../src/paths.js';

const tagger = createTagger();
const ending = (word: string) => word.replace(/(?:es|e|s)$/, '');
const toolIds = (text: string, lang: Language) => tagger.tag(text, { lang }).tools.map((t) => t.id);

describe('a brand or an acronym is read on its own spelling, never on a common word sharing its stem', () => {
  it('does not read "awful" or "awed" as AWS, and still reads AWS', () => {
    expect(
      toolIds('Honestly it was an awful winter, the roof leaked and we lost two big orders.', 'en'),
    ).toEqual([]);
    expect(toolIds('We were awed by how fast the new manager turned things round.', 'en')).toEqual([]);
    expect(toolIds('We moved all our files to AWS last spring.', 'en')).toEqual(['cloud_virtualization']);
    expect(toolIds('Tous nos fichiers sont sur AWS depuis le printemps.', 'fr')).toEqual([
      'cloud_virtualization',
    ]);
  });

  it('keeps the guard of brands that are also common words ("malt", "slack", "whereby")', () => {
    expect(toolIds('On achète le malt chez un producteur de la Beauce pour nos bières.', 'fr')).toEqual([]);
    expect(toolIds('There was some slack in the schedule so we took on two extra jobs.', 'en')).toEqual([]);
    expect(toolIds('There is a system whereby every regular gets a stamp card at the till.', 'en')).toEqual(
      [],
    );
    expect(toolIds('We use Slack for everything internal.', 'en')).toEqual(['collaboration_platform']);
  });

  it('matches no common word of either dictionary to a name of the lexicon but its own inflections', () => {
    const require = createRequire(import.meta.url);
    const dictionary = (name: string): string[] =>
      JSON.parse(readFileSync(require.resolve(name), 'utf8')) as string[];
    const lexicon = loadLexicon(LEXICON_DIR);
    const { conditionalEndings: _e, conditionalExceptions: _x, ...cues } = lexicon.cues;
    const phrases = [
      ...[lexicon.tools, lexicon.values, lexicon.levers, lexicon.facets, lexicon.actors, lexicon.directActors]
        .flat()
        .map((entry) => entry.patterns),
      ...Object.values(cues),
      lexicon.roles.initiator,
      lexicon.roles.beneficiary,
      lexicon.otherSenses,
    ];
    const words: Record<Language, string> = {
      fr: 'an-array-of-french-words',
      en: 'an-array-of-english-words',
    };
    const misread: string[] = [];
    for (const lang of ['fr', 'en'] as const) {
      const stem = stemmerFor(lang);
      const byStem = new Map<string, string[]>();
      for (const word of dictionary(words[lang])) {
        const folded = foldUncached(word);
        const key = stem(folded);
        const list = byStem.get(key);
        if (list) list.push(folded);
        else byStem.set(key, [folded]);
      }
      for (const phrase of phrases) {
        for (const pattern of patternsFor(phrase, lang)) {
          const text = typeof pattern === 'string' ? pattern : pattern.p;
          // A name is written with a capital (`=` and `!` words say how they match themselves): "AWS", not
          // the "com" of "Booking.com".
          const names = text
            .split(/\s+/)
            .filter((chunk) => !/^[=!]/.test(chunk))
            .flatMap((chunk) => tokenize(chunk, lang, stem))
            .filter((token) => /\p{Lu}/u.test(token.surface));
          for (const item of names.flatMap((name) => compileWords(name.surface, lang, stem))) {
            for (const word of byStem.get(item.stem) ?? []) {
              const token = tokenize(word, lang, stem)[0];
              // Only a plural or feminine ending may differ ("Italians" and "italian", "Américains" and "américaine").
              const inflection = ending(word) === ending(item.norm);
              if (token && itemMatches(item, token) && !inflection) misread.push(`${word} as ${item.norm}`);
            }
          }
        }
      }
    }
    expect([...new Set(misread)]).toEqual([]);
  }, 60_000);
});
