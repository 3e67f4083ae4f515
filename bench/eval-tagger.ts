import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_SPLITS, type CorpusItem, type CorpusSplit, loadCorpus } from '../src/core/tagger/corpus.js';
import { createTagger } from '../src/core/tagger/index.js';
import { printScores, scoreTags, summaryLine } from '../src/core/tagger/scoring.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { PERTURBATIONS, type Perturbation } from './perturb.js';

/**
 * Scores the shipped tagger (lexicon and learned model) against the labelled corpus (see scoring.ts for
 * the figures). Default split: heldout. Tuning uses bench/cv-tagger.ts on the training split, never this.
 * Usage: eval-tagger [train|heldout|fresh|recent] [corpus folder]. On the default split the fresh and recent
 * splits are summed up too. A folder other than corpus/ scores another labelled set of the same shape; only the shipped
 * held-out scores are saved.
 */

const tagger = createTagger();

function evaluate(items: readonly CorpusItem[], perturb: Perturbation = (text) => text) {
  const rows = items.map((item) => ({ item, tags: tagger.tag(perturb(item.text), { lang: item.lang }) }));
  const detectedRight = items.filter((item) => tagger.tag(perturb(item.text)).lang === item.lang).length;
  return {
    ...scoreTags(rows),
    languageDetectionAccuracy: Math.round((detectedRight / Math.max(1, items.length)) * 1000) / 1000,
  };
}

/** The held-out answers made untidy (see perturb.ts), each way scored against the same labels. */
function robustnessOf(items: readonly CorpusItem[]) {
  console.log('\nThe held-out answers as typed or transcribed less tidily (same labels):');
  return Object.fromEntries(
    Object.entries(PERTURBATIONS).map(([name, perturb]: [string, Perturbation]) => {
      const scores = evaluate(items, perturb);
      console.log(`  ${name}: ${summaryLine(scores)}`);
      return [name, scores];
    }),
  );
}

function main(): void {
  const arg = process.argv[2] ?? 'heldout';
  const split = CORPUS_SPLITS.find((s) => s === arg);
  if (!split) {
    console.error(`usage: eval-tagger [${CORPUS_SPLITS.join('|')}]`);
    process.exitCode = 2;
    return;
  }
  const dir = process.argv[3];
  const items = loadCorpus(split satisfies CorpusSplit, dir);
  const result = evaluate(items);
  console.log(
    `Tagger evaluation on the ${split} split${dir ? ` of ${dir}` : ''} (${result.answers} answers)`,
  );
  printScores(result);
  console.log(`\n${summaryLine(result)}`);
  console.log(`\nLanguage detection accuracy: ${result.languageDetectionAccuracy.toFixed(3)}`);
  if (split === 'heldout' && dir === undefined) {
    // The other unseen splits, one line each: the figures a reader compares with the first.
    const fresh = evaluate(loadCorpus('fresh'));
    console.log(`\nfresh split (${fresh.answers} answers): ${summaryLine(fresh)}`);
    const recent = evaluate(loadCorpus('recent'));
    console.log(`recent split (${recent.answers} answers): ${summaryLine(recent)}`);
    const robustness = robustnessOf(items);
    const dir = join(PACKAGE_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'eval.json'),
      `${JSON.stringify({ split, ...result, fresh, recent, robustness }, null, 2)}\n`,
    );
    console.log('written: bench/results/eval.json');
  }
}

main();
