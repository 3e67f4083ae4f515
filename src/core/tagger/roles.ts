import type { ActorId, ActorRole } from '../domain.js';
import type { ActorTag, Evidence } from '../tags.js';
import { sigmoid } from './logistic.js';
import type { Token } from './text.js';

/** Where an answer names an actor (token positions); `direct` when the phrase itself carries a role. */
export interface ActorMention {
  first: number;
  last: number;
  direct?: ActorRole;
}

/** Words read on each side of a mention, within its sentence. */
const WINDOW = 5;

/** An answer's word joined to an actor ("permet" speaks of who gains when the actor is the firm, not the supplier). */
const WORD_PREFIX = 'w:';
const wordFeature = (stem: string, id: ActorId): string => `${WORD_PREFIX}${stem}|${id}`;

/** Each distinct stem of an answer, once. */
export function answerStems(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.map((t) => t.stem));
}

/**
 * What the learned role scorer reads about one actor of an answer, besides the answer's words: the words
 * around each of its mentions (with their distance), whether a mention is denied or imagined, and the role
 * the lexicon's patterns gave it.
 */
function mentionFeatures(
  id: ActorId,
  mentions: readonly ActorMention[],
  tokens: readonly Token[],
  scopes: { negated: Uint8Array; imagined: Uint8Array },
  lexiconRoles: ReadonlySet<ActorRole>,
): Set<string> {
  const features = new Set<string>([`id:${id}`]);
  for (const mention of mentions) {
    if (mention.direct) features.add(`direct:${mention.direct}`);
    const sentence = tokens[mention.first]?.sentence;
    for (let j = Math.max(0, mention.first - WINDOW); j < mention.first; j += 1) {
      const token = tokens[j];
      if (token === undefined || token.sentence !== sentence) continue;
      features.add(`b:${token.stem}`);
      features.add(`b${mention.first - j}:${token.stem}`);
    }
    for (let j = mention.last + 1; j <= mention.last + WINDOW && j < tokens.length; j += 1) {
      const token = tokens[j];
      if (token === undefined || token.sentence !== sentence) continue;
      features.add(`a:${token.stem}`);
      features.add(`a${j - mention.last}:${token.stem}`);
    }
    if (scopes.negated[mention.first]) features.add('neg');
    if (scopes.imagined[mention.first]) features.add('hyp');
  }
  for (const role of lexiconRoles) {
    features.add(`rule:${role}`);
    features.add(`rule:${role}|${id}`);
  }
  return features;
}

/** Every feature the learned role scorer reads about one actor of an answer (what it is trained on). */
export function roleFeatures(
  id: ActorId,
  mentions: readonly ActorMention[],
  tokens: readonly Token[],
  scopes: { negated: Uint8Array; imagined: Uint8Array },
  lexiconRoles: ReadonlySet<ActorRole>,
): Set<string> {
  const features = mentionFeatures(id, mentions, tokens, scopes, lexiconRoles);
  for (const stem of answerStems(tokens)) features.add(wordFeature(stem, id));
  return features;
}

/**
 * One learned role: weights by feature name, the answer-word weights by actor then stem (looked up word by
 * word instead of naming every word-actor pair of every answer), and the probability that asserts the role.
 */
export interface RoleScorer {
  bias: number;
  threshold: number;
  weights: ReadonlyMap<string, number>;
  wordWeights: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface RoleScorers {
  initiator: RoleScorer;
  beneficiary: RoleScorer;
}

export function compileRoleScorer(
  bias: number,
  threshold: number,
  weights: Iterable<readonly [string, number]>,
): RoleScorer {
  const plain = new Map<string, number>();
  const byActor = new Map<string, Map<string, number>>();
  for (const [name, weight] of weights) {
    const bar = name.lastIndexOf('|');
    if (!name.startsWith(WORD_PREFIX) || bar < 0) {
      plain.set(name, weight);
      continue;
    }
    const actor = name.slice(bar + 1);
    let words = byActor.get(actor);
    if (!words) {
      words = new Map();
      byActor.set(actor, words);
    }
    words.set(name.slice(WORD_PREFIX.length, bar), weight);
  }
  return { bias, threshold, weights: plain, wordWeights: byActor };
}

function roleProbability(
  scorer: RoleScorer,
  id: ActorId,
  features: ReadonlySet<string>,
  stems: ReadonlySet<string>,
): number {
  let z = scorer.bias;
  for (const name of features) z += scorer.weights.get(name) ?? 0;
  const words = scorer.wordWeights.get(id);
  if (words) for (const stem of stems) z += words.get(stem) ?? 0;
  return sigmoid(z);
}

/** What the learned roles are decided from: one answer's actors as the lexicon read them, and their mentions. */
export interface ActorReading {
  tokens: readonly Token[];
  scopes: { negated: Uint8Array; imagined: Uint8Array };
  actors: readonly ActorTag[];
  actorMentions: ReadonlyMap<ActorId, readonly ActorMention[]>;
  evidenceOf: (first: number, last: number) => Evidence | undefined;
}

const MAX_EVIDENCE = 5;

/**
 * The lexicon's actors with their roles decided by the learned scorers: an actor is initiator, beneficiary,
 * both, or only mentioned. A role the lexicon's pattern also gave keeps that pattern's evidence; otherwise the
 * actor's mentions are quoted (what tools a role is credited to is read from the sentences they are in).
 */
export function learnedRoles(reading: ActorReading, scorers: RoleScorers): ActorTag[] {
  const ids = [...new Set(reading.actors.map((a) => a.id))];
  const stems = answerStems(reading.tokens);
  return ids.flatMap((id) => {
    const lexiconTags = reading.actors.filter((a) => a.id === id);
    const lexiconRoles = new Set(lexiconTags.map((a) => a.role));
    const mentions = reading.actorMentions.get(id) ?? [];
    const features = mentionFeatures(id, mentions, reading.tokens, reading.scopes, lexiconRoles);
    const roles: ActorRole[] = (['initiator', 'beneficiary'] as const).filter(
      (role) => roleProbability(scorers[role], id, features, stems) > scorers[role].threshold,
    );
    if (roles.length === 0) roles.push('mentioned');
    const mentionEvidence = mentions
      .slice(0, MAX_EVIDENCE)
      .flatMap((m) => reading.evidenceOf(m.first, m.last) ?? []);
    return roles.map((role) => ({
      id,
      role,
      evidence: lexiconTags.find((a) => a.role === role)?.evidence ?? mentionEvidence,
    }));
  });
}
