import { FACET_IDS, LEVER_IDS, VALUE_IDS } from '../domain.js';
import { decide, vetoFeatures, vetoWords } from './combine.js';
import type { CorpusItem } from './corpus.js';
import type { Features } from './features.js';
import type { Lexicon } from './lexicon.js';
import { DEFAULT_FIT, type FitOptions, fitBinary, type SparseRow, sigmoid } from './logistic.js';
import { type Decision, FAMILY_NAMES, type FamilyName, ModelFile } from './model.js';
import { type LearnedRole, roleFeatures } from './roles.js';
import { type FamilyReading, languageModels, type Reading, readAnswer } from './tagger.js';

/**
 * Offline training of the learned second signal. Thresholds that join it to the lexicon are chosen on
 * out-of-fold probabilities of an inner cross-validation of the training items only, within a sane
 * grid, and only for classes with enough examples; the rest keep the lexicon's decision.
 */
export interface LearnOptions {
  fit: FitOptions;
  /** A feature must occur in at least this many training answers to be used. */
  minDocuments: number;
  /** A class needs this many positive training answers before the model may add or drop its tags. */
  minSupport: number;
  /** Kept weights per class, largest magnitude first. */
  maxWeights: number;
  /** Kept weights per learned role (initiator, beneficiary). */
  maxRoleWeights: number;
  innerFolds: number;
  seed: number;
  /** Families the model may decide on (the others keep the lexicon's tags). */
  families: readonly FamilyName[];
  /** Families whose scorer reads words only, not lexicon hits: its probability is then a second opinion. */
  wordsOnly: readonly FamilyName[];
  /**
   * Also fit on a copy of every answer stripped of its lexicon hits. The lexicon was written on these
   * answers, so its hits look surer here than on fresh ones; the copy makes the words carry weight too.
   */
  wordCopies: boolean;
}

/**
 * 1,000 weights per class: chosen on 480 answers written apart from the lexicon and the training split
 * (later added to it), where it beat 300 (values 0.634 → 0.649, facets 0.779 → 0.787). Tools scored on words
 * alone did a little better there (0.782 → 0.790) but vetoed tools named in short answers ("depuis son
 * portable"): every family's scorer reads the lexicon's hits too.
 */
export const DEFAULT_LEARN: LearnOptions = {
  fit: DEFAULT_FIT,
  minDocuments: 2,
  minSupport: 8,
  maxWeights: 1000,
  maxRoleWeights: 2000,
  innerFolds: 5,
  seed: 7,
  families: FAMILY_NAMES,
  wordsOnly: [],
  wordCopies: false,
};

export interface Example {
  item: CorpusItem;
  reading: Reading;
}

export function readExamples(items: readonly CorpusItem[], lexicon: Lexicon): Example[] {
  const modelFor = languageModels(lexicon);
  return items.map((item) => ({ item, reading: readAnswer(modelFor(item.lang), item.text) }));
}

export function goldOf(item: CorpusItem, name: FamilyName): readonly string[] {
  return item[name];
}

function classesOf(name: FamilyName, examples: readonly Example[]): string[] {
  if (name === 'values') return [...VALUE_IDS];
  if (name === 'levers') return [...LEVER_IDS];
  if (name === 'facets') return [...FACET_IDS];
  return [...new Set(examples.flatMap((e) => e.item.tools))].sort();
}

/** Numbers in [0, 1) from a seed (mulberry32): the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic shuffle, so folds are the same on every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}

/** Splits indices 0..n-1 into k folds after a seeded shuffle. */
export function folds(n: number, k: number, seed: number): number[][] {
  const order = shuffled(
    Array.from({ length: n }, (_, i) => i),
    seed,
  );
  return Array.from({ length: k }, (_, f) => order.filter((_, i) => i % k === f));
}

interface Vocabulary {
  names: string[];
  index: Map<string, number>;
}

const LEXICON_FEATURE = /^[LWDA]:/;

function vocabulary(examples: readonly Example[], minDocuments: number, wordsOnly: boolean): Vocabulary {
  const documents = new Map<string, number>();
  for (const e of examples)
    for (const name of e.reading.features.keys())
      if (!wordsOnly || !LEXICON_FEATURE.test(name)) documents.set(name, (documents.get(name) ?? 0) + 1);
  const names = [...documents]
    .filter(([, n]) => n >= minDocuments)
    .map(([name]) => name)
    .sort();
  return { names, index: new Map(names.map((name, i) => [name, i])) };
}

function rowOf(features: Features, vocab: Vocabulary): SparseRow {
  const row: number[] = [];
  for (const name of features.keys()) {
    const i = vocab.index.get(name);
    if (i !== undefined) row.push(i);
  }
  return row;
}

function rowsOf(examples: readonly Example[], vocab: Vocabulary): SparseRow[] {
  return examples.map((e) => rowOf(e.reading.features, vocab));
}

interface FittedClass {
  id: string;
  bias: number;
  weights: Float64Array;
}

function fitFamily(
  name: FamilyName,
  classes: readonly string[],
  examples: readonly Example[],
  vocab: Vocabulary,
  options: LearnOptions,
): FittedClass[] {
  let rows = rowsOf(examples, vocab);
  let labelled = examples;
  if (options.wordCopies) {
    const lexiconHit = new Set(vocab.names.flatMap((n, i) => (LEXICON_FEATURE.test(n) ? [i] : [])));
    rows = [...rows, ...rows.map((row) => row.filter((f) => !lexiconHit.has(f)))];
    labelled = [...examples, ...examples];
  }
  return classes.map((id) => {
    const labels = labelled.map((e) => goldOf(e.item, name).includes(id));
    const { bias, weights } = fitBinary(rows, labels, vocab.names.length, options.fit);
    return { id, bias, weights };
  });
}

function probability(fitted: FittedClass, row: SparseRow): number {
  let z = fitted.bias;
  for (const f of row) z += fitted.weights[f] ?? 0;
  return sigmoid(z);
}

const HIGH = [null, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4] as const;
const LOW = [null, 0.6, 0.5, 0.4, 0.3, 0.2] as const;
const KEEP = [0, 0.05, 0.1, 0.2] as const;
const LEXICON_ONLY: Decision = { high: null, low: null, keep: 0 };

interface OutOfFold {
  score: number;
  denied: boolean;
  probability: number;
  /** The answer's length as `decide` weighs it (short answers keep the tools they name). */
  words: number;
  gold: boolean;
}

function f1Of(rows: readonly OutOfFold[], decision: Decision): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const tagged = decide(decision, r.score, r.denied, r.probability, r.words) !== 'none';
    if (tagged && r.gold) tp += 1;
    else if (tagged) fp += 1;
    else if (r.gold) fn += 1;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** The grid point with the best out-of-fold F1; the lexicon alone wins ties (grid order is most cautious first). */
export function chooseDecision(rows: readonly OutOfFold[]): Decision {
  let best = LEXICON_ONLY;
  let bestF1 = f1Of(rows, LEXICON_ONLY);
  for (const keep of KEEP)
    for (const high of HIGH)
      for (const low of LOW) {
        const decision = { high, low, keep };
        const score = f1Of(rows, decision);
        if (score > bestF1 + 1e-9) {
          best = decision;
          bestF1 = score;
        }
      }
  return best;
}

function outOfFold(
  name: FamilyName,
  classes: readonly string[],
  examples: readonly Example[],
  options: LearnOptions,
): Map<string, OutOfFold[]> {
  const rows = new Map<string, OutOfFold[]>(classes.map((id) => [id, []]));
  for (const test of folds(examples.length, options.innerFolds, options.seed)) {
    const inTest = new Set(test);
    const train = examples.filter((_, i) => !inTest.has(i));
    const vocab = vocabulary(train, options.minDocuments, options.wordsOnly.includes(name));
    const fitted = fitFamily(name, classes, train, vocab, options);
    const testExamples = test.flatMap((i) => examples[i] ?? []);
    const testRows = rowsOf(testExamples, vocab);
    fitted.forEach((c) => {
      testExamples.forEach((e, j) => {
        const own: FamilyReading<string> = e.reading[name];
        // Judged as `combinedTags` judges it: a value plainly read, on the features that may veto it.
        const judged = vetoFeatures(e.reading, name, c.id);
        rows.get(c.id)?.push({
          score: own.tally.get(c.id)?.score ?? 0,
          denied: own.denied.has(c.id),
          probability: probability(
            c,
            (judged === e.reading.features ? testRows[j] : rowOf(judged, vocab)) ?? [],
          ),
          words: vetoWords(name, e.reading, c.id),
          gold: goldOf(e.item, name).includes(c.id),
        });
      });
    });
  }
  return rows;
}

function topWeights(weights: Float64Array, max: number): [number, number][] {
  const pairs: [number, number][] = [];
  weights.forEach((w, i) => {
    if (Math.abs(w) >= 0.005) pairs.push([i, w]);
  });
  pairs.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return pairs.slice(0, max);
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** One actor the lexicon found in a training answer, with the roles the labels give it (if they name it). */
interface RoleExample {
  answer: number;
  id: string;
  features: Set<string>;
  gold: ReadonlySet<string> | undefined;
  lexicon: ReadonlySet<string>;
}

function roleExamples(examples: readonly Example[]): RoleExample[] {
  return examples.flatMap((e, answer) => {
    const ids = [...new Set(e.reading.actors.map((a) => a.id))];
    return ids.map((id) => {
      const lexicon = new Set(e.reading.actors.filter((a) => a.id === id).map((a) => a.role));
      const labelled = e.item.actors.filter((a) => a.id === id);
      return {
        answer,
        id,
        features: roleFeatures(
          id,
          e.reading.actorMentions.get(id) ?? [],
          e.reading.tokens,
          e.reading.scopes,
          lexicon,
        ),
        gold: labelled.length > 0 ? new Set(labelled.map((a) => a.role)) : undefined,
        lexicon,
      };
    });
  });
}

interface FittedRoles {
  names: string[];
  fitted: Record<LearnedRole, { bias: number; weights: Float64Array }>;
}

/** Role scorers fitted on the actors the labels name (an actor they do not name teaches no role). */
function fitRoles(examples: readonly RoleExample[], options: LearnOptions): FittedRoles {
  const labelled = examples.filter((e) => e.gold !== undefined);
  const documents = new Map<string, number>();
  for (const e of labelled)
    for (const name of e.features) documents.set(name, (documents.get(name) ?? 0) + 1);
  const names = [...documents]
    .filter(([, n]) => n >= options.minDocuments)
    .map(([name]) => name)
    .sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = labelled.map((e) => [...e.features].flatMap((name) => index.get(name) ?? []));
  const fitRole = (role: LearnedRole) => {
    const { bias, weights } = fitBinary(
      rows,
      labelled.map((e) => e.gold?.has(role) === true),
      names.length,
      options.fit,
    );
    // Only the kept weights score at run time: the thresholds are chosen on the same truncated scorer.
    const kept = new Float64Array(weights.length);
    for (const [i, w] of topWeights(weights, options.maxRoleWeights)) kept[i] = w;
    return { bias, weights: kept };
  };
  return { names, fitted: { initiator: fitRole('initiator'), beneficiary: fitRole('beneficiary') } };
}

function roleProbabilities(model: FittedRoles, example: RoleExample): Record<LearnedRole, number> {
  const index = new Map(model.names.map((name, i) => [name, i]));
  const score = (role: LearnedRole) => {
    const { bias, weights } = model.fitted[role];
    let z = bias;
    for (const name of example.features) {
      const i = index.get(name);
      if (i !== undefined) z += weights[i] ?? 0;
    }
    return sigmoid(z);
  };
  return { initiator: score('initiator'), beneficiary: score('beneficiary') };
}

const ROLE_THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] as const;

/**
 * The pair of thresholds with the best actor-and-role F1 on out-of-fold probabilities (the answer's actors
 * as the labels have them, an actor the lexicon does not find counting as missed either way).
 */
function chooseRoleThresholds(
  rows: readonly { p: Record<LearnedRole, number>; gold: ReadonlySet<string> | undefined }[],
  missed: number,
): Record<LearnedRole, number> {
  let best = { initiator: 0.5, beneficiary: 0.5 };
  let bestF1 = -1;
  for (const initiator of ROLE_THRESHOLDS)
    for (const beneficiary of ROLE_THRESHOLDS) {
      let tp = 0;
      let fp = 0;
      let fn = missed;
      for (const { p, gold } of rows) {
        const roles = new Set<string>();
        if (p.initiator > initiator) roles.add('initiator');
        if (p.beneficiary > beneficiary) roles.add('beneficiary');
        if (roles.size === 0) roles.add('mentioned');
        for (const role of roles) {
          if (gold?.has(role)) tp += 1;
          else fp += 1;
        }
        for (const role of gold ?? []) if (!roles.has(role)) fn += 1;
      }
      const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      if (f1 > bestF1 + 1e-9) {
        best = { initiator, beneficiary };
        bestF1 = f1;
      }
    }
  return best;
}

/** Role scorers on every training answer, with thresholds chosen by an inner cross-validation. */
function learnRoles(examples: readonly Example[], options: LearnOptions) {
  const all = roleExamples(examples);
  const rows: { p: Record<LearnedRole, number>; gold: ReadonlySet<string> | undefined }[] = [];
  for (const test of folds(examples.length, options.innerFolds, options.seed)) {
    const inTest = new Set(test);
    const model = fitRoles(
      all.filter((e) => !inTest.has(e.answer)),
      options,
    );
    for (const e of all)
      if (inTest.has(e.answer)) rows.push({ p: roleProbabilities(model, e), gold: e.gold });
  }
  const missed = examples.reduce((n, e) => {
    const found = new Set(e.reading.actors.map((a) => a.id));
    return n + e.item.actors.filter((a) => !found.has(a.id)).length;
  }, 0);
  return { model: fitRoles(all, options), thresholds: chooseRoleThresholds(rows, missed) };
}

export function learnModel(examples: readonly Example[], options: LearnOptions = DEFAULT_LEARN): ModelFile {
  const kept = new Map<string, number>();
  const features: string[] = [];
  const slotOf = (vocab: Vocabulary, i: number): number => {
    const name = vocab.names[i] ?? '';
    let slot = kept.get(name);
    if (slot === undefined) {
      slot = features.length;
      kept.set(name, slot);
      features.push(name);
    }
    return slot;
  };
  const families: Record<string, unknown[]> = {};
  for (const name of options.families) {
    const vocab = vocabulary(examples, options.minDocuments, options.wordsOnly.includes(name));
    const classes = classesOf(name, examples).filter(
      (id) => examples.filter((e) => goldOf(e.item, name).includes(id)).length >= options.minSupport,
    );
    const oof = outOfFold(name, classes, examples, options);
    const fitted = fitFamily(name, classes, examples, vocab, options);
    const entries = fitted.map((c) => ({
      id: c.id,
      bias: round3(c.bias),
      weights: topWeights(c.weights, options.maxWeights).flatMap(([i, w]) => [slotOf(vocab, i), round3(w)]),
      decision: chooseDecision(oof.get(c.id) ?? []),
    }));
    families[name] = entries;
  }
  const { model: roleModel, thresholds } = learnRoles(examples, options);
  const roleVocab: Vocabulary = {
    names: roleModel.names,
    index: new Map(roleModel.names.map((name, i) => [name, i])),
  };
  const roleEntry = (role: LearnedRole) => ({
    bias: round3(roleModel.fitted[role].bias),
    weights: topWeights(roleModel.fitted[role].weights, options.maxRoleWeights).flatMap(([i, w]) => [
      slotOf(roleVocab, i),
      round3(w),
    ]),
    threshold: thresholds[role],
  });
  const roles = { initiator: roleEntry('initiator'), beneficiary: roleEntry('beneficiary') };
  return ModelFile.parse({ features, families, roles });
}
