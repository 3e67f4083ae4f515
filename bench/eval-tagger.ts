import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVER_IDS } from '../src/core/domain.js';
import { CORPUS_SPLITS, type CorpusItem, type CorpusSplit, loadCorpus } from '../src/core/tagger/corpus.js';
import { createTagger } from '../src/core/tagger/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';

/**
 * Scores the tagger against the labelled corpus: per class precision, recall and F1, micro and macro F1,
 * for values, tools, levers, actors (id+role pairs and ids alone) and facets. Default split: heldout.
 * Lever accuracy is reported two ways: exact set match per answer, and per-label accuracy (each answer ×
 * each of the three levers counts one decision, right or wrong).
 * Usage: eval-tagger [train|heldout] [corpus folder]. A folder other than corpus/ scores another labelled
 * set of the same shape (fresh answers the lexicon was never tuned on); only the shipped held-out score is saved.
 */

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
interface ClassScore extends Counts {
  support: number;
  precision: number;
  recall: number;
  f1: number;
}
interface FamilyScore {
  classes: Record<string, ClassScore>;
  micro: { precision: number; recall: number; f1: number };
  macroF1: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (x: number): number => Math.round(x * 1000) / 1000;

function scoreFamily(pairs: { gold: Set<string>; predicted: Set<string> }[]): FamilyScore {
  const counts = new Map<string, Counts>();
  const get = (id: string): Counts => {
    let c = counts.get(id);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(id, c);
    }
    return c;
  };
  for (const { gold, predicted } of pairs) {
    for (const id of predicted) get(id)[gold.has(id) ? 'tp' : 'fp'] += 1;
    for (const id of gold) if (!predicted.has(id)) get(id).fn += 1;
  }
  const classes: Record<string, ClassScore> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const f1s: number[] = [];
  for (const [id, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const precision = ratio(c.tp, c.tp + c.fp);
    const recall = ratio(c.tp, c.tp + c.fn);
    const score = f1(precision, recall);
    classes[id] = {
      ...c,
      support: c.tp + c.fn,
      precision: round(precision),
      recall: round(recall),
      f1: round(score),
    };
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    if (c.tp + c.fn > 0) f1s.push(score);
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    classes,
    micro: { precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)) },
    macroF1: round(
      ratio(
        f1s.reduce((a, b) => a + b, 0),
        f1s.length,
      ),
    ),
  };
}

function printFamily(name: string, score: FamilyScore): void {
  console.log(`\n${name}`);
  console.log(`  ${'class'.padEnd(26)} support  prec  recall  f1`);
  for (const [id, c] of Object.entries(score.classes)) {
    console.log(
      `  ${id.padEnd(26)} ${String(c.support).padStart(7)}  ${c.precision.toFixed(2)}  ${c.recall.toFixed(2)}    ${c.f1.toFixed(2)}`,
    );
  }
  console.log(
    `  micro P ${score.micro.precision.toFixed(3)} R ${score.micro.recall.toFixed(3)} F1 ${score.micro.f1.toFixed(3)} | macro F1 ${score.macroF1.toFixed(3)}`,
  );
}

function evaluate(items: readonly CorpusItem[]) {
  const tagger = createTagger();
  const rows = items.map((item) => ({ item, tags: tagger.tag(item.text, { lang: item.lang }) }));
  const detectedRight = items.filter((item) => tagger.tag(item.text).lang === item.lang).length;
  const family = (gold: (i: CorpusItem) => string[], predicted: (r: (typeof rows)[number]) => string[]) =>
    scoreFamily(rows.map((r) => ({ gold: new Set(gold(r.item)), predicted: new Set(predicted(r)) })));
  const values = family(
    (i) => i.values,
    (r) => r.tags.values.map((t) => t.id),
  );
  const tools = family(
    (i) => i.tools,
    (r) => r.tags.tools.map((t) => t.id),
  );
  const levers = family(
    (i) => i.levers,
    (r) => r.tags.levers.map((t) => t.id),
  );
  const actorPairs = family(
    (i) => i.actors.map((a) => `${a.id}:${a.role}`),
    (r) => r.tags.actors.map((a) => `${a.id}:${a.role}`),
  );
  const actorIds = family(
    (i) => i.actors.map((a) => a.id),
    (r) => r.tags.actors.map((a) => a.id),
  );
  const facets = family(
    (i) => i.facets,
    (r) => r.tags.facets.map((t) => t.id),
  );
  let exact = 0;
  let perLabel = 0;
  for (const { item, tags } of rows) {
    const predicted = new Set(tags.levers.map((l) => l.id));
    const gold = new Set(item.levers);
    if (predicted.size === gold.size && [...gold].every((l) => predicted.has(l))) exact += 1;
    for (const lever of LEVER_IDS) if (predicted.has(lever) === gold.has(lever)) perLabel += 1;
  }
  return {
    answers: items.length,
    values,
    tools,
    levers,
    leverAccuracy: {
      exactSetMatch: round(ratio(exact, items.length)),
      perLabel: round(ratio(perLabel, items.length * LEVER_IDS.length)),
    },
    actorPairs,
    actorIds,
    facets,
    languageDetectionAccuracy: round(ratio(detectedRight, items.length)),
  };
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
  const result = evaluate(loadCorpus(split satisfies CorpusSplit, dir));
  console.log(
    `Tagger evaluation on the ${split} split${dir ? ` of ${dir}` : ''} (${result.answers} answers)`,
  );
  printFamily('Values', result.values);
  printFamily('Tools', result.tools);
  printFamily('Levers', result.levers);
  console.log(
    `  lever accuracy: exact set match per answer ${result.leverAccuracy.exactSetMatch.toFixed(3)}, per label (answer × lever) ${result.leverAccuracy.perLabel.toFixed(3)}`,
  );
  printFamily('Actors (id + role)', result.actorPairs);
  printFamily('Actors (id only)', result.actorIds);
  printFamily('Facets', result.facets);
  console.log(`\nLanguage detection accuracy: ${result.languageDetectionAccuracy.toFixed(3)}`);
  if (split === 'heldout' && dir === undefined) {
    const dir = join(PACKAGE_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'eval.json'), `${JSON.stringify({ split, ...result }, null, 2)}\n`);
    console.log('written: bench/results/eval.json');
  }
}

main();
