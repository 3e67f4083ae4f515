import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, loadSecondLabels, SECOND_LABELLER_FILE } from '../src/core/tagger/corpus.js';
import { printScores, scoreLabels, summaryLine } from '../src/core/tagger/scoring.js';
import { PACKAGE_ROOT } from '../src/paths.js';

/**
 * Agreement between two labellers: a second person labelled training answers (a random sample, then a sample of long answers) from
 * their text and corpus/GUIDELINES.md alone, without seeing the first labels. The training labels are
 * read as the reference, so the figures are the F1 of one labeller against the other: the ceiling a
 * tagger can be expected to reach on answers labelled by someone else.
 * Usage: agreement. Writes bench/results/agreement.json.
 */
function main(): void {
  const reference = new Map(loadCorpus('train').map((item) => [item.id, item]));
  const second = loadSecondLabels();
  const rows = second.map((labels) => {
    const gold = reference.get(labels.id);
    if (!gold) throw new Error(`${SECOND_LABELLER_FILE}: ${labels.id} is not in the training split`);
    return { gold, predicted: labels };
  });
  const result = scoreLabels(rows);
  console.log(`Agreement of a second labeller with the training labels (${result.answers} answers)`);
  printScores(result);
  console.log(`\n${summaryLine(result)}`);
  const dir = join(PACKAGE_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'agreement.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('written: bench/results/agreement.json');
}

main();
