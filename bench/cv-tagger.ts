import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { combinedTags } from '../src/core/tagger/combine.js';
import { loadCorpus } from '../src/core/tagger/corpus.js';
import {
  DEFAULT_LEARN,
  folds,
  type LearnOptions,
  learnModel,
  readExamples,
} from '../src/core/tagger/learn.js';
import { loadLexicon } from '../src/core/tagger/lexicon.js';
import { compileModel, FAMILY_NAMES, type FamilyName } from '../src/core/tagger/model.js';
import { printScores, scoreTags, summaryLine } from '../src/core/tagger/scoring.js';
import { lexiconTags } from '../src/core/tagger/tagger.js';
import type { Tags } from '../src/core/tags.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../src/paths.js';

/**
 * K-fold cross-validation of the learned second signal on the TRAINING split only: for each fold the
 * model (weights and the thresholds joining it to the lexicon, chosen by an inner cross-validation) is
 * trained on the other folds and scored on this one. The lexicon is scored alone on the same answers for
 * comparison. This is the tuning signal; the held-out split is only scored, once, by eval-tagger.
 * Usage: cv-tagger [--folds 5] [--seed 11] [--l2 0.003] [--iterations 300] [--families values,levers]
 *                  [--min-support 8] [--max-weights 300]
 *                  [--words-only values,facets] [--word-copies yes|no] [--quiet]. Writes bench/results/cv.json on defaults.
 */
const FOLDS = 5;
const SEED = 11;

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function numberFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${name} wants a number, got ${raw}`);
  return value;
}

function options(): LearnOptions {
  const familyList = (raw: string | undefined): FamilyName[] | undefined =>
    raw
      ?.split(',')
      .map((name) => FAMILY_NAMES.find((f) => f === name))
      .filter((f): f is FamilyName => f !== undefined);
  return {
    ...DEFAULT_LEARN,
    fit: {
      ...DEFAULT_LEARN.fit,
      l2: numberFlag('l2', DEFAULT_LEARN.fit.l2),
      iterations: numberFlag('iterations', DEFAULT_LEARN.fit.iterations),
    },
    minSupport: numberFlag('min-support', DEFAULT_LEARN.minSupport),
    maxWeights: numberFlag('max-weights', DEFAULT_LEARN.maxWeights),
    families: familyList(flag('families')) ?? DEFAULT_LEARN.families,
    wordsOnly: familyList(flag('words-only')) ?? DEFAULT_LEARN.wordsOnly,
    wordCopies: flag('word-copies') === undefined ? DEFAULT_LEARN.wordCopies : flag('word-copies') === 'yes',
  };
}

function main(): void {
  const started = Date.now();
  const learn = options();
  const k = numberFlag('folds', FOLDS);
  const seed = numberFlag('seed', SEED);
  const items = loadCorpus('train');
  const examples = readExamples(items, loadLexicon(LEXICON_DIR));
  const lexiconOnly = scoreTags(examples.map((e) => ({ item: e.item, tags: lexiconTags(e.reading) })));
  const predicted: (Tags | undefined)[] = new Array(examples.length);
  for (const test of folds(examples.length, k, seed)) {
    const inTest = new Set(test);
    const model = compileModel(
      learnModel(
        examples.filter((_, i) => !inTest.has(i)),
        learn,
      ),
    );
    for (const i of test) {
      const e = examples[i];
      if (e) predicted[i] = combinedTags(e.reading, model);
    }
  }
  const combined = scoreTags(
    examples.flatMap((e, i) => {
      const tags = predicted[i];
      return tags ? [{ item: e.item, tags }] : [];
    }),
  );
  const quiet = process.argv.includes('--quiet');
  console.log(`Cross-validation on the train split: ${k} folds, seed ${seed}, ${items.length} answers`);
  if (!quiet) {
    console.log('\n=== lexicon and learned model (out-of-fold) ===');
    printScores(combined);
  }
  console.log(`\nlexicon alone : ${summaryLine(lexiconOnly)}`);
  console.log(`with the model: ${summaryLine(combined)}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const onDefaults = process.argv.length === 2 || (process.argv.length === 3 && quiet);
  if (onDefaults) {
    const dir = join(PACKAGE_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'cv.json'),
      `${JSON.stringify({ split: 'train', folds: k, seed, options: learn, lexiconOnly, combined }, null, 2)}\n`,
    );
    console.log('written: bench/results/cv.json');
  }
}

main();
