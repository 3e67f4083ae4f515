import type { ActorId, ActorRole } from '../domain.js';
import type { ActorTag, Evidence } from '../tags.js';
import type { TokenScopes } from './features.js';
import { sigmoid } from './logistic.js';
import type { Token } from './text.js';

/**
 * Where an answer names an actor (token positions); `direct` when the phrase itself carries a role, `headcount`
 * when it counts the firm's staff ("12 salariés").
 */
export interface ActorMention {
  first: number;
  last: number;
  direct?: ActorRole;
  headcount?: boolean;
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
  scopes: TokenScopes,
  lexiconRoles: ReadonlySet<ActorRole>,
): Set<string> {
  const features = new Set<string>([`id:${id}`]);
  for (const mention of mentions) {
    if (mention.direct) features.add(`direct:${mention.direct}`);
    const sentence = tokens[mention.first]?.sentence;
    /** A word `distance` tokens before (`b`) or after (`a`) the mention, if in its sentence. */
    const neighbour = (side: 'b' | 'a', at: number, distance: number) => {
      const token = tokens[at];
      if (token === undefined || token.sentence !== sentence) return;
      features.add(`${side}:${token.stem}`);
      features.add(`${side}${distance}:${token.stem}`);
    };
    for (let distance = 1; distance <= WINDOW; distance += 1) {
      neighbour('b', mention.first - distance, distance);
      neighbour('a', mention.last + distance, distance);
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
  scopes: TokenScopes,
  lexiconRoles: ReadonlySet<ActorRole>,
): Set<string> {
  const features = mentionFeatures(id, mentions, tokens, scopes, lexiconRoles);
  for (const stem of answerStems(tokens)) features.add(wordFeature(stem, id));
  return features;
}

export const LEARNED_ROLES = ['initiator', 'beneficiary'] as const;
export type LearnedRole = (typeof LEARNED_ROLES)[number];

/** A pair of numbers, one per learned role: [initiator, beneficiary]. */
type PerRole = [number, number];

/**
 * Both learned roles at once, so each feature is looked up once: weights by feature name, the answer-word
 * weights by actor then stem (looked up word by word instead of naming every word-actor pair of every
 * answer), and the probability above which each role is asserted.
 */
export interface RoleScorer {
  bias: Readonly<PerRole>;
  threshold: Readonly<PerRole>;
  weights: ReadonlyMap<string, Readonly<PerRole>>;
  wordWeights: ReadonlyMap<string, ReadonlyMap<string, Readonly<PerRole>>>;
}

export interface LearnedRoleWeights {
  bias: number;
  threshold: number;
  weights: Iterable<readonly [string, number]>;
}

export function compileRoleScorer(roles: Record<LearnedRole, LearnedRoleWeights>): RoleScorer {
  const plain = new Map<string, PerRole>();
  const byActor = new Map<string, Map<string, PerRole>>();
  const slotIn = <K>(map: Map<K, PerRole>, key: K): PerRole => {
    let pair = map.get(key);
    if (!pair) {
      pair = [0, 0];
      map.set(key, pair);
    }
    return pair;
  };
  LEARNED_ROLES.forEach((role, slot) => {
    for (const [name, weight] of roles[role].weights) {
      const bar = name.lastIndexOf('|');
      if (!name.startsWith(WORD_PREFIX) || bar < 0) {
        slotIn(plain, name)[slot] = weight;
        continue;
      }
      const actor = name.slice(bar + 1);
      let words = byActor.get(actor);
      if (!words) {
        words = new Map();
        byActor.set(actor, words);
      }
      slotIn(words, name.slice(WORD_PREFIX.length, bar))[slot] = weight;
    }
  });
  return {
    bias: [roles.initiator.bias, roles.beneficiary.bias],
    threshold: [roles.initiator.threshold, roles.beneficiary.threshold],
    weights: plain,
    wordWeights: byActor,
  };
}

/** The roles asserted for one actor: each learned role whose probability passes its threshold. */
function rolesAsserted(
  scorer: RoleScorer,
  id: ActorId,
  features: ReadonlySet<string>,
  stems: ReadonlySet<string>,
): ActorRole[] {
  let initiator = scorer.bias[0];
  let beneficiary = scorer.bias[1];
  for (const name of features) {
    const pair = scorer.weights.get(name);
    if (pair) {
      initiator += pair[0];
      beneficiary += pair[1];
    }
  }
  const words = scorer.wordWeights.get(id);
  if (words)
    for (const stem of stems) {
      const pair = words.get(stem);
      if (pair) {
        initiator += pair[0];
        beneficiary += pair[1];
      }
    }
  const roles: ActorRole[] = [];
  if (sigmoid(initiator) > scorer.threshold[0]) roles.push('initiator');
  if (sigmoid(beneficiary) > scorer.threshold[1]) roles.push('beneficiary');
  return roles;
}

/** What the learned roles are decided from: one answer's actors as the lexicon read them, and their mentions. */
export interface ActorReading {
  tokens: readonly Token[];
  scopes: TokenScopes;
  actors: readonly ActorTag[];
  actorMentions: ReadonlyMap<ActorId, readonly ActorMention[]>;
  evidenceOf: (first: number, last: number) => Evidence | undefined;
}

const MAX_EVIDENCE = 5;

/**
 * Words that may stand beside actors' names in an answer that is only those names ("The owner.", "Le comptable,
 * oui.", "Our customers and the accountant."): determiners, possessives, joiners and fillers, folded.
 */
const BARE_NAME_WORDS: ReadonlySet<string> = new Set([
  ...['the', 'a', 'an', 'our', 'my', 'their', 'his', 'her', 'your', 'its', 'and', 'or', 'both', 'all'],
  ...['also', 'yes', 'no', 'well', 'oh', 'um', 'uh', 'er', 'erm', 'hmm', 'mostly', 'mainly', 'maybe'],
  ...['probably', 'just', 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'notre', 'nos', 'mon', 'ma'],
  ...['mes', 'leur', 'leurs', 'son', 'sa', 'ses', 'votre', 'vos', 'et', 'ou', 'tous', 'toutes', 'aussi'],
  ...['oui', 'non', 'bon', 'ben', 'euh', 'bah', 'surtout', 'plutot', 'peutetre', 'moi', 'nous'],
]);

/**
 * The answer names actors and says nothing of them: no verb, so no role to read ("The owner." given alone
 * says neither who pushed nor who gains; a question it answers may, which is the interview's to read). A
 * phrase that carries its role ("on a décidé") is no name, unless it is one word ("owners").
 */
export function onlyNames(
  tokens: readonly Token[],
  mentions: ReadonlyMap<ActorId, readonly ActorMention[]>,
): boolean {
  const named = new Uint8Array(tokens.length);
  for (const list of mentions.values())
    for (const m of list)
      if (m.direct === undefined || m.first === m.last) named.fill(1, m.first, m.last + 1);
  return (
    tokens.length > 0 && tokens.every((token, index) => named[index] === 1 || BARE_NAME_WORDS.has(token.norm))
  );
}

/**
 * The lexicon's actors with their roles decided by the learned scorers: an actor is initiator, beneficiary,
 * both, or only mentioned. A role the lexicon's pattern also gave keeps that pattern's evidence; otherwise the
 * actor's mentions are quoted (what tools a role is credited to is read from the sentences they are in).
 */
export function learnedRoles(reading: ActorReading, scorer: RoleScorer): ActorTag[] {
  const ids = [...new Set(reading.actors.map((a) => a.id))];
  const stems = answerStems(reading.tokens);
  const namesOnly = onlyNames(reading.tokens, reading.actorMentions);
  return ids.flatMap((id) => {
    const lexiconTags = reading.actors.filter((a) => a.id === id);
    const lexiconRoles = new Set(lexiconTags.map((a) => a.role));
    const mentions = reading.actorMentions.get(id) ?? [];
    const features = mentionFeatures(id, mentions, reading.tokens, reading.scopes, lexiconRoles);
    // A headcount presents the firm ("We're a bakery, 8 staff"): it says nothing of who gains.
    const onlyCounted = mentions.length > 0 && mentions.every((m) => m.headcount);
    const roles = namesOnly || onlyCounted ? [] : rolesAsserted(scorer, id, features, stems);
    if (roles.length === 0) roles.push('mentioned');
    // One name can be found by several of the lexicon's phrases: each span is quoted once.
    const quoted: ActorMention[] = [];
    for (const m of mentions) {
      if (quoted.length === MAX_EVIDENCE) break;
      if (!quoted.some((q) => q.first === m.first && q.last === m.last)) quoted.push(m);
    }
    const mentionEvidence = quoted.flatMap((m) => reading.evidenceOf(m.first, m.last) ?? []);
    return roles.map((role) => ({
      id,
      role,
      evidence: lexiconTags.find((a) => a.role === role)?.evidence ?? mentionEvidence,
    }));
  });
}
