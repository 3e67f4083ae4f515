import { LEVER_IDS } from '../domain.js';
import type { Tags } from '../tags.js';
import type { CorpusItem } from './corpus.js';

/**
 * Scores predicted tags against labelled answers: per class precision, recall and F1, micro and macro
 * F1 for values, tools, levers, actors (id+role pairs and ids alone) and facets; lever accuracy as exact
 * set match per answer and per label (each answer × each lever is one decision).
 */
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface ClassScore extends Counts {
  support: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface FamilyScore {
  classes: Record<string, ClassScore>;
  micro: { precision: number; recall: number; f1: number };
  macroF1: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (x: number): number => Math.round(x * 1000) / 1000;

export function scoreFamily(pairs: { gold: Set<string>; predicted: Set<string> }[]): FamilyScore {
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

/** The labels of one answer, ids only: what a labeller or the tagger said about it. */
export interface Labels {
  values: readonly string[];
  tools: readonly string[];
  levers: readonly string[];
  actors: readonly { id: string; role: string }[];
  facets: readonly string[];
}

export function labelsOf(tags: Tags): Labels {
  const ids = (list: readonly { id: string }[]) => list.map((t) => t.id);
  return {
    values: ids(tags.values),
    tools: ids(tags.tools),
    levers: ids(tags.levers),
    actors: tags.actors.map((a) => ({ id: a.id, role: a.role })),
    facets: ids(tags.facets),
  };
}

export function scoreTags(rows: readonly { item: CorpusItem; tags: Tags }[]) {
  return scoreLabels(rows.map(({ item, tags }) => ({ gold: item, predicted: labelsOf(tags) })));
}

/** Scores one set of labels against another: the tagger against the corpus, or one labeller against another. */
export function scoreLabels(rows: readonly { gold: Labels; predicted: Labels }[]) {
  const family = (of: (labels: Labels) => readonly string[]) =>
    scoreFamily(rows.map((r) => ({ gold: new Set(of(r.gold)), predicted: new Set(of(r.predicted)) })));
  let exact = 0;
  let perLabel = 0;
  for (const row of rows) {
    const predicted = new Set(row.predicted.levers);
    const gold = new Set(row.gold.levers);
    if (predicted.size === gold.size && [...gold].every((l) => predicted.has(l))) exact += 1;
    for (const lever of LEVER_IDS) if (predicted.has(lever) === gold.has(lever)) perLabel += 1;
  }
  return {
    answers: rows.length,
    values: family((l) => l.values),
    tools: family((l) => l.tools),
    levers: family((l) => l.levers),
    leverAccuracy: {
      exactSetMatch: round(ratio(exact, rows.length)),
      perLabel: round(ratio(perLabel, rows.length * LEVER_IDS.length)),
    },
    actorPairs: family((l) => l.actors.map((a) => `${a.id}:${a.role}`)),
    actorIds: family((l) => l.actors.map((a) => a.id)),
    facets: family((l) => l.facets),
  };
}
export type TagScores = ReturnType<typeof scoreLabels>;

function printFamily(name: string, score: FamilyScore, out: (line: string) => void): void {
  out(`\n${name}`);
  out(`  ${'class'.padEnd(26)} support  prec  recall  f1`);
  for (const [id, c] of Object.entries(score.classes)) {
    out(
      `  ${id.padEnd(26)} ${String(c.support).padStart(7)}  ${c.precision.toFixed(2)}  ${c.recall.toFixed(2)}    ${c.f1.toFixed(2)}`,
    );
  }
  out(
    `  micro P ${score.micro.precision.toFixed(3)} R ${score.micro.recall.toFixed(3)} F1 ${score.micro.f1.toFixed(3)} | macro F1 ${score.macroF1.toFixed(3)}`,
  );
}

export function printScores(result: TagScores, out: (line: string) => void = console.log): void {
  printFamily('Values', result.values, out);
  printFamily('Tools', result.tools, out);
  printFamily('Levers', result.levers, out);
  out(
    `  lever accuracy: exact set match per answer ${result.leverAccuracy.exactSetMatch.toFixed(3)}, per label (answer × lever) ${result.leverAccuracy.perLabel.toFixed(3)}`,
  );
  printFamily('Actors (id + role)', result.actorPairs, out);
  printFamily('Actors (id only)', result.actorIds, out);
  printFamily('Facets', result.facets, out);
}

/** One line per family, for comparing runs at a glance. */
export function summaryLine(result: TagScores): string {
  return [
    `values F1 ${result.values.micro.f1.toFixed(3)} (P ${result.values.micro.precision.toFixed(2)} R ${result.values.micro.recall.toFixed(2)})`,
    `tools F1 ${result.tools.micro.f1.toFixed(3)} (P ${result.tools.micro.precision.toFixed(2)} R ${result.tools.micro.recall.toFixed(2)})`,
    `levers exact ${result.leverAccuracy.exactSetMatch.toFixed(3)} per-label ${result.leverAccuracy.perLabel.toFixed(3)}`,
    `actors id+role F1 ${result.actorPairs.micro.f1.toFixed(3)} id F1 ${result.actorIds.micro.f1.toFixed(3)}`,
    `facets F1 ${result.facets.micro.f1.toFixed(3)}`,
  ].join(' | ');
}
