import type { LeverId } from '../domain.js';
import type { Evidence, Tags } from '../tags.js';
import type { Features } from './features.js';
import { sigmoid } from './logistic.js';
import type { ClassScorer, Decision, FamilyName, FamilyScorer, TaggerModel } from './model.js';
import { learnedRoles } from './roles.js';
import {
  ASSERT_THRESHOLD,
  confidence,
  evidenceOf,
  type FamilyReading,
  lexiconTags,
  type Reading,
  type Tally,
  withoutSubsumed,
} from './tagger.js';

/** Values and tools are labelled only when asserted; levers and facets also when imagined ("si on avait…"). */
const IMAGINED_COUNTS: Record<FamilyName, boolean> = {
  values: false,
  tools: false,
  levers: true,
  facets: true,
};

/** Each class's score before the sigmoid, `z` moved by `sign` times the features' weights: one pass, not one per class. */
function addLogits(
  scorer: FamilyScorer<string>,
  names: Iterable<string>,
  z: number[],
  sign: 1 | -1,
): number[] {
  for (const name of names) {
    const postings = scorer.postings.get(name);
    if (postings === undefined) continue;
    for (let k = 0; k + 1 < postings.length; k += 2) {
      const slot = postings[k] ?? 0;
      z[slot] = (z[slot] ?? 0) + sign * (postings[k + 1] ?? 0);
    }
  }
  return z;
}

function logits(scorer: FamilyScorer<string>, features: Features): number[] {
  return addLogits(
    scorer,
    features.keys(),
    scorer.classes.map((c) => c.bias),
    1,
  );
}

/** Each class's probability from the answer's features: one pass over the features, not one per class. */
export function probabilities(scorer: FamilyScorer<string>, features: Features): number[] {
  return logits(scorer, features).map(sigmoid);
}

/** How the lexicon and the model agree on one class. */
export type Verdict = 'lexicon' | 'weak' | 'model' | 'none';

/**
 * Below this many words (about one sentence) the model may not drop a tool the answer names: its vetoes come
 * from the words around a name ("other firms", "before"), and a one-sentence answer has too few of them ("On
 * fait les salons et les petits déjeuners du BNI."); the lexicon's own negation and scope rules still apply.
 * Values and facets are read from phrases, weaker evidence than a name: the model may drop them at any length.
 */
export const MIN_WORDS_FOR_VETO = 20;

/**
 * The answer length `decide` weighs for a family's vetoes of a class (no floor for families read from phrases).
 * A tool named by its brand or acronym ("Shopify", "CRM") weighs as a short answer: the model reads the words
 * around names, and a brand in a long list of tools in use has neighbours that speak of other tools; where it
 * is denied or out of use, the lexicon's scope rules have already left it out.
 */
export function vetoWords(name: FamilyName, reading: Reading, id: string): number {
  if (name !== 'tools') return Number.POSITIVE_INFINITY;
  return reading.tools.tally.get(id)?.named ? 0 : reading.tokens.length;
}

/** Facet cues of the lexicon, as the learned scorer reads them (lexicon and weak cues). */
const FACET_CUE = ['L:facets:', 'W:facets:'];
/** Cues of what the answer asserts besides facets: values, tools, levers. */
const CLAIM_CUE = ['L:values:', 'W:values:', 'L:tools:', 'W:tools:', 'L:levers:', 'W:levers:'];

const isOf = (feature: string, kinds: readonly string[]): boolean =>
  kinds.some((kind) => feature.startsWith(kind));

/** The facet cues of sentences that assert nothing else (values, tools, levers): computed once a reading. */
const asidesMemo = new WeakMap<Reading, readonly string[]>();

function asidesOf(reading: Reading): readonly string[] {
  const known = asidesMemo.get(reading);
  if (known) return known;
  const sentenceOf = (at: number) => reading.tokens[at]?.sentence;
  const claimed = new Set<number | undefined>();
  for (const [feature, positions] of reading.features)
    if (isOf(feature, CLAIM_CUE)) for (const at of positions) claimed.add(sentenceOf(at));
  const asides: string[] = [];
  for (const [feature, positions] of reading.features)
    if (isOf(feature, FACET_CUE) && !positions.some((at) => claimed.has(sentenceOf(at))))
      asides.push(feature);
  asidesMemo.set(reading, asides);
  return asides;
}

/** Whether a class is judged without the reading's asides: a value the lexicon plainly reads. */
function judgedWithoutAsides(reading: Reading, name: FamilyName, id: string): boolean {
  const values: ReadonlyMap<string, Tally> = reading.values.tally;
  const t = name === 'values' ? values.get(id) : undefined;
  return t !== undefined && t.score >= ASSERT_THRESHOLD && asidesOf(reading).length > 0;
}

/**
 * The features a value the lexicon plainly reads is judged on before the model may drop it. A sentence that
 * only says a cost, a fear or a need ("It costs money.", "C'est un gros investissement.") speaks of something
 * else: its facet cues, which weigh against every value, do not veto one the answer states in another sentence.
 */
export function vetoFeatures(reading: Reading, name: FamilyName, id: string): Features {
  if (!judgedWithoutAsides(reading, name, id)) return reading.features;
  const features = new Map(reading.features);
  for (const feature of asidesOf(reading)) features.delete(feature);
  return features;
}

export function decide(
  decision: Decision,
  lexiconScore: number,
  denied: boolean,
  probability: number,
  words: number,
): Verdict {
  if (lexiconScore >= ASSERT_THRESHOLD)
    return probability >= decision.keep || words < MIN_WORDS_FOR_VETO ? 'lexicon' : 'none';
  if (denied) return 'none';
  if (lexiconScore > 0 && decision.low !== null && probability >= decision.low) return 'weak';
  if (decision.high !== null && probability >= decision.high) return 'model';
  return 'none';
}

/**
 * For a tag the model alone asserts, the clause whose asserted words weigh most for it. None when every
 * word that pushes for the class is denied (or imagined, where imagining does not count): the scope vetoes.
 */
function modelEvidence(
  reading: Reading,
  scorer: FamilyScorer<string>,
  slot: number,
  imaginedCounts: boolean,
): Evidence | undefined {
  const byClause = new Map<number, number>();
  for (const [name, positions] of reading.features) {
    const postings = scorer.postings.get(name);
    if (postings === undefined) continue;
    let weight = 0;
    for (let k = 0; k + 1 < postings.length; k += 2) if (postings[k] === slot) weight = postings[k + 1] ?? 0;
    if (weight <= 0) continue;
    for (const at of positions) {
      if (reading.scopes.negated[at] || (!imaginedCounts && reading.scopes.imagined[at])) continue;
      const clause = reading.tokens[at]?.clause;
      if (clause !== undefined) byClause.set(clause, (byClause.get(clause) ?? 0) + weight);
    }
  }
  let best: number | undefined;
  let bestWeight = 0;
  for (const [clause, weight] of byClause) {
    if (weight > bestWeight) {
      best = clause;
      bestWeight = weight;
    }
  }
  if (best === undefined) return undefined;
  const first = reading.tokens.findIndex((t) => t.clause === best);
  let last = first;
  while (reading.tokens[last + 1]?.clause === best) last += 1;
  return evidenceOf(reading.text, reading.tokens, first, last);
}

interface ScoredTag<T extends string> {
  id: T;
  confidence: number;
  evidence: Evidence[];
}

function combineFamily<T extends string>(
  name: FamilyName,
  reading: Reading,
  own: FamilyReading<T>,
  scorer: FamilyScorer<T>,
): ScoredTag<T>[] {
  const z = logits(scorer, reading.features);
  const probs = z.map(sigmoid);
  // As vetoFeatures judges, without a copy of the features: the asides' weights taken off, once a family.
  let judgedProbs: readonly number[] | undefined;
  const modelled = new Set<string>();
  const tags: ScoredTag<T>[] = [];
  scorer.classes.forEach((c: ClassScorer<T>, slot) => {
    modelled.add(c.id);
    const t = own.tally.get(c.id);
    const judged = judgedWithoutAsides(reading, name, c.id);
    if (judged) judgedProbs ??= addLogits(scorer, asidesOf(reading), [...z], -1).map(sigmoid);
    const p = ((judged ? judgedProbs : undefined) ?? probs)[slot] ?? 0;
    const verdict = decide(
      c.decision,
      t?.score ?? 0,
      own.denied.has(c.id),
      p,
      vetoWords(name, reading, c.id),
    );
    if (verdict === 'lexicon' && t)
      tags.push({ id: c.id, confidence: confidence(t.score), evidence: t.evidence });
    else if (verdict === 'weak' && t) tags.push({ id: c.id, confidence: round(p), evidence: t.evidence });
    else if (verdict === 'model') {
      const evidence = modelEvidence(reading, scorer, slot, IMAGINED_COUNTS[name]);
      if (evidence) tags.push({ id: c.id, confidence: round(p), evidence: [evidence] });
    }
  });
  for (const [id, t] of own.tally) {
    if (!modelled.has(id) && t.score >= ASSERT_THRESHOLD)
      tags.push({ id, confidence: confidence(t.score), evidence: t.evidence });
  }
  return tags.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * A tool the model alone asserts brings its usual lever, as a tool named by a lexicon phrase does
 * (GUIDELINES.md: tools bring their usual lever); it is quoted by the tool's evidence.
 */
function withToolLevers(
  reading: Reading,
  tools: readonly ScoredTag<string>[],
  levers: ScoredTag<LeverId>[],
): ScoredTag<LeverId>[] {
  const out = [...levers];
  for (const tool of tools) {
    const lever = reading.toolInfos.get(tool.id)?.lever;
    if (!lever || reading.tools.tally.has(tool.id) || out.some((l) => l.id === lever)) continue;
    out.push({ id: lever, confidence: tool.confidence, evidence: tool.evidence });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
}

/** The lexicon's tags joined with the learned scorer's, class by class, as the model's decisions say. */
export function combinedTags(reading: Reading, model: TaggerModel): Tags {
  const tags = lexiconTags(reading);
  const tools = model.tools.classes.length
    ? withoutSubsumed(combineFamily('tools', reading, reading.tools, model.tools), reading.toolInfos)
    : tags.tools;
  return {
    ...tags,
    actors: model.roles
      ? learnedRoles(
          { ...reading, evidenceOf: (first, last) => evidenceOf(reading.text, reading.tokens, first, last) },
          model.roles,
        )
      : tags.actors,
    values: model.values.classes.length
      ? combineFamily('values', reading, reading.values, model.values)
      : tags.values,
    tools,
    levers: withToolLevers(
      reading,
      tools,
      model.levers.classes.length
        ? combineFamily('levers', reading, reading.levers, model.levers)
        : tags.levers,
    ),
    facets: model.facets.classes.length
      ? combineFamily('facets', reading, reading.facets, model.facets)
      : tags.facets,
  };
}
