import type { ActorId, ActorRole, FacetId, Language, LeverId, ValueId } from '../domain.js';
import { detectLanguage } from '../language.js';
import type { ActorTag, Evidence, Tags } from '../tags.js';
import { combinedTags } from './combine.js';
import { addFeature, type Features, type TokenScopes, wordFeatures } from './features.js';
import type { ClassPhrases, Lexicon, Phrases, ToolInfo } from './lexicon.js';
import { FAMILY_NAMES, type TaggerModel } from './model.js';
import {
  ACTOR_SLOT,
  compileWords,
  type Item,
  itemMatches,
  matchBackward,
  matchRest,
  PhraseIndex,
  type PhraseMatch,
  patternsFor,
} from './phrases.js';
import { type ActorMention, onlyNames } from './roles.js';
import { type Scope, ScopeReader } from './scope.js';
import { Speller } from './spelling.js';
import { stemmerFor } from './stemmers.js';
import { foldedWords, foldUncached, type Token, tokenize } from './text.js';
import type { AnswerAbout, Tagger, TagOptions } from './types.js';

/** At most this many evidence spans per tag: enough to quote, small enough to store with every answer. */
const MAX_EVIDENCE = 5;
/** Words allowed between an actor and the verb that gives its role ("notre fournisseur principal nous a imposé"). */
const ROLE_REACH = 4;
/** Whom a headcount counts ("8 people" are the firm's staff, not its customers). */
const HEADCOUNT_ACTOR: ActorId = 'employees';
/** A verb in -ing after an auxiliary is active ("customers were asking for it"), not passive. */
const PROGRESSIVE = /ing$/;
/** Summed cue weight a class needs to be asserted: one plain cue, or two weak (w = 0.5) ones. */
export const ASSERT_THRESHOLD = 1;

interface RolePattern {
  role: 'initiator' | 'beneficiary';
  before: Item[];
  after: Item[];
}

/** Everything compiled for one language, built once on first use. */
export interface LanguageModel {
  lang: Language;
  tools: PhraseIndex<ToolInfo>;
  values: PhraseIndex<ValueId>;
  levers: PhraseIndex<LeverId>;
  facets: PhraseIndex<FacetId>;
  /** Per family, the phrases where a class's cue means something else (absent when the lexicon has none). */
  otherSenses: {
    values?: PhraseIndex<ValueId>;
    levers?: PhraseIndex<LeverId>;
    facets?: PhraseIndex<FacetId>;
    actors?: PhraseIndex<ActorId>;
  };
  actors: PhraseIndex<ActorId>;
  directActors: PhraseIndex<{ id: ActorId; role: ActorRole }>;
  roles: RolePattern[];
  /** Auxiliaries of the passive, folded: the actor before them undergoes the verb. */
  passive: ReadonlySet<string>;
  scope: ScopeReader;
  /** Each tool's catalogue entry (usual lever, tools it subsumes), by id. */
  toolInfos: ReadonlyMap<string, ToolInfo>;
  /** Every word of the lexicon's phrases in this language, folded: what an elision glued on may be read off. */
  words: ReadonlySet<string>;
  /** Reads a typo of a lexicon word as that word. */
  speller: Speller;
}

/** The listed real words are folded already; only a hand-written one may need it. */
function folded(word: string): string {
  return /^[a-z0-9]+$/.test(word) ? word : foldUncached(word);
}

/** Every Phrases list of the lexicon, cues and roles included. */
function allPhrases(lexicon: Lexicon): Phrases[] {
  const { conditionalEndings: _endings, conditionalExceptions: _exceptions, ...cues } = lexicon.cues;
  return [
    ...[lexicon.tools, lexicon.values, lexicon.levers, lexicon.facets, lexicon.actors, lexicon.directActors]
      .flat()
      .map((entry) => entry.patterns),
    lexicon.roles.initiator,
    lexicon.roles.beneficiary,
    lexicon.roles.passive,
    lexicon.otherSenses,
    ...Object.values(cues),
  ];
}

export function lexiconWords(lexicon: Lexicon, lang: Language): Set<string> {
  const words = new Set<string>();
  for (const phrases of allPhrases(lexicon)) {
    for (const pattern of patternsFor(phrases, lang)) {
      for (const word of foldedWords(typeof pattern === 'string' ? pattern : pattern.p)) words.add(word);
    }
  }
  return words;
}

const vocabularies = new WeakMap<Lexicon, ReadonlySet<string>>();

/**
 * Every word a lexicon reads in either language, and the real words near them; built once per lexicon, so
 * the tagger, the nonsense check and the pseudonymiser share one set.
 */
export function vocabulary(lexicon: Lexicon): ReadonlySet<string> {
  let words = vocabularies.get(lexicon);
  if (words === undefined) {
    words = new Set([...lexicon.realWords, ...lexiconWords(lexicon, 'fr'), ...lexiconWords(lexicon, 'en')]);
    vocabularies.set(lexicon, words);
  }
  return words;
}

/** The one-word negation cues ("pas", "rien", "not"): a pattern's gap may not hold one. */
function negationCueWords(lexicon: Lexicon, lang: Language, stem: (w: string) => string): Set<string> {
  const words = new Set<string>();
  for (const pattern of patternsFor(lexicon.cues.negation, lang)) {
    const items = compileWords(typeof pattern === 'string' ? pattern : pattern.p, lang, stem);
    if (items.length === 1 && items[0]) words.add(items[0].norm);
  }
  return words;
}

/** Words that, inside a phrase, make it carry its own negation ("plus besoin", "no more", "fewer errors"). */
function negationWords(lexicon: Lexicon, lang: Language, stem: (w: string) => string): Set<string> {
  const words = negationCueWords(lexicon, lang, stem);
  for (const word of patternsFor(lexicon.cues.selfNegating, lang)) {
    for (const item of compileWords(typeof word === 'string' ? word : word.p, lang, stem))
      words.add(item.norm);
  }
  return words;
}

/** Stands in the tool index for a phrase where a tool word means something else ("site de production"). */
const OTHER_SENSE: ToolInfo = { id: '', label: { fr: '', en: '' } };

function otherSensesOf<T extends string>(
  entries: readonly ClassPhrases<T>[],
  lang: Language,
  stem: (word: string) => string,
): PhraseIndex<T> | undefined {
  const withOthers = entries.filter((entry) => entry.otherSenses !== undefined);
  if (withOthers.length === 0) return undefined;
  const index = new PhraseIndex<T>(lang, stem);
  for (const entry of withOthers) if (entry.otherSenses) index.addAll(entry.otherSenses, entry.id);
  return index;
}

function buildModel(lexicon: Lexicon, lang: Language): LanguageModel {
  const stem = stemmerFor(lang);
  const negating = negationWords(lexicon, lang, stem);
  const gapStops = negationCueWords(lexicon, lang, stem);
  const tools = new PhraseIndex<ToolInfo>(lang, stem);
  for (const tool of lexicon.tools) tools.addAll(tool.patterns, tool.info);
  tools.addAll(lexicon.otherSenses, OTHER_SENSE);
  const values = new PhraseIndex<ValueId>(lang, stem, negating, gapStops);
  for (const value of lexicon.values) values.addAll(value.patterns, value.id);
  const levers = new PhraseIndex<LeverId>(lang, stem, negating, gapStops);
  for (const lever of lexicon.levers) levers.addAll(lever.patterns, lever.id);
  const facets = new PhraseIndex<FacetId>(lang, stem, negating, gapStops);
  for (const facet of lexicon.facets) facets.addAll(facet.patterns, facet.id);
  const otherSenses = {
    values: otherSensesOf(lexicon.values, lang, stem),
    levers: otherSensesOf(lexicon.levers, lang, stem),
    facets: otherSensesOf(lexicon.facets, lang, stem),
    actors: otherSensesOf(lexicon.actors, lang, stem),
  };
  const actors = new PhraseIndex<ActorId>(lang, stem);
  for (const actor of lexicon.actors) actors.addAll(actor.patterns, actor.id);
  const passive = new Set(
    patternsFor(lexicon.roles.passive, lang).flatMap((p) => foldedWords(typeof p === 'string' ? p : p.p)),
  );
  // "I advise were pushed" is not "I pushed": a passive auxiliary may not stand in a pattern's gap.
  const directActors = new PhraseIndex<{ id: ActorId; role: ActorRole }>(lang, stem, negating, passive);
  for (const entry of lexicon.directActors)
    directActors.addAll(entry.patterns, { id: entry.id, role: entry.role });
  const roles: RolePattern[] = [];
  for (const role of ['initiator', 'beneficiary'] as const) {
    for (const pattern of patternsFor(lexicon.roles[role], lang)) {
      const text = typeof pattern === 'string' ? pattern : pattern.p;
      const [before = '', after = ''] = text.split(ACTOR_SLOT);
      roles.push({ role, before: compileWords(before, lang, stem), after: compileWords(after, lang, stem) });
    }
  }
  const toolInfos = new Map(lexicon.tools.map((tool) => [tool.info.id, tool.info]));
  const words = lexiconWords(lexicon, lang);
  return {
    lang,
    tools,
    values,
    levers,
    facets,
    otherSenses,
    actors,
    directActors,
    roles,
    passive,
    scope: new ScopeReader(lexicon, lang, stem),
    toolInfos,
    words,
    speller: new Speller(words, new Set(lexicon.realWords.map(folded))),
  };
}

export function evidenceOf(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
): Evidence | undefined {
  const start = tokens[first]?.start;
  const end = tokens[last]?.end;
  if (start === undefined || end === undefined) return undefined;
  return { start, end, text: text.slice(start, end) };
}

export interface Tally {
  score: number;
  evidence: Evidence[];
  /** First token of each match, for the learned scorer's features. */
  at: number[];
  /** Some match names a brand or an acronym ("Shopify", "CRM"): a tool named so is not the model's to veto. */
  named?: boolean;
}

function addEvidence(tally: Tally, evidence: Evidence | undefined): void {
  if (!evidence || tally.evidence.length >= MAX_EVIDENCE) return;
  if (tally.evidence.some((e) => e.start < evidence.end && evidence.start < e.end)) return;
  tally.evidence.push(evidence);
}

/**
 * Where two tools' phrases overlap, the longer one names the tool ("logiciel de gestion de production"
 * is production software, not the ERP's "logiciel de gestion"; "video call" is not "video"); of two as long,
 * the tool that stands for the other ("notre site marchand": the e-commerce site, not "notre site"). A phrase
 * that names two tools at once ("lives Facebook": video on a social network) keeps both.
 */
function longestFirst(matches: readonly PhraseMatch<ToolInfo>[]): PhraseMatch<ToolInfo>[] {
  const standsFor = (m: PhraseMatch<ToolInfo>) => (m.payload.subsumes?.length ? 1 : 0);
  const sorted = [...matches].sort(
    (a, b) => b.last - b.first - (a.last - a.first) || standsFor(b) - standsFor(a) || a.first - b.first,
  );
  const kept: PhraseMatch<ToolInfo>[] = [];
  // The kept matches over each token: a long answer has thousands of matches, each a few words long.
  const covering = new Map<number, PhraseMatch<ToolInfo>[]>();
  for (const match of sorted) {
    let clash = false;
    for (let j = match.first; j <= match.last && !clash; j += 1) {
      clash = (covering.get(j) ?? []).some(
        (k) => k.payload.id !== match.payload.id && (k.first !== match.first || k.last !== match.last),
      );
    }
    if (clash) continue;
    kept.push(match);
    for (let j = match.first; j <= match.last; j += 1) {
      const list = covering.get(j);
      if (list) list.push(match);
      else covering.set(j, [match]);
    }
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Drops every tool phrase that overlaps a phrase where its words mean something else ("the building site"). */
function withoutOtherSenses(matches: readonly PhraseMatch<ToolInfo>[]): PhraseMatch<ToolInfo>[] {
  const others = matches.filter((m) => m.payload === OTHER_SENSE);
  return matches.filter(
    (m) => m.payload !== OTHER_SENSE && !others.some((o) => o.first <= m.last && m.first <= o.last),
  );
}

/**
 * A phrase carrying its own negation ("plus besoin", "fewer errors") escapes a negation further back,
 * but not one right before it: "ne partent pas plus vite" denies speed.
 */
function isNegated(match: { first: number; selfNegating: boolean }, scope: Scope): boolean {
  return match.selfNegating ? scope.negationRightBefore(match.first) : scope.negatedAt(match.first);
}

/** Keeps the matches that assert something: not negated, not hypothetical. */
function asserted<T>(matches: readonly PhraseMatch<T>[], scope: Scope): PhraseMatch<T>[] {
  return matches.filter((m) => !isNegated(m, scope) && !scope.hypotheticalAt(m.first));
}

/**
 * Tools named only to be feared ("peur de dépendre d'Amazon"), as other firms' or as advice to them, as
 * lacking or needed ("ce qu'on n'a pas, c'est un CRM", "zero CRM", "what we need is training"), taken back right after ("on avait une page Facebook,
 * on l'a fermée") or in a self-correction: the answer does not say they are in use.
 */
function withdrawnTools(matches: readonly PhraseMatch<ToolInfo>[], scope: Scope): Set<PhraseMatch<ToolInfo>> {
  const withdrawn = new Set<PhraseMatch<ToolInfo>>();
  // "Xero... no sorry, not Xero": a tool denied in a self-correction was not meant where it was named before.
  const correctedFrom = new Map<string, number>();
  for (const match of matches) {
    if (scope.correctedAt(match.first) && !correctedFrom.has(match.payload.id))
      correctedFrom.set(match.payload.id, match.first);
  }
  matches.forEach((match, index) => {
    if (match.first < (correctedFrom.get(match.payload.id) ?? -1)) withdrawn.add(match);
    // The retraction must come before another tool is named ("page Facebook" and "Facebook" are one naming;
    // so are "un intranet, une plateforme d'échange", two names of one tool).
    let next = Number.MAX_SAFE_INTEGER;
    for (let k = index + 1; k < matches.length && next === Number.MAX_SAFE_INTEGER; k += 1) {
      const later = matches[k];
      if (later && later.first > match.last && later.payload.id !== match.payload.id) next = later.first;
    }
    if (
      scope.concernAt(match.first) ||
      scope.elsewhereAt(match.first) ||
      scope.absentAt(match.first) ||
      scope.neededAt(match.first) ||
      scope.retractedBetween(match.last, next)
    )
      withdrawn.add(match);
  });
  return withdrawn;
}

function tally<T extends string>(
  matches: readonly PhraseMatch<T>[],
  text: string,
  tokens: readonly Token[],
): Map<T, Tally> {
  const byId = new Map<T, Tally>();
  for (const match of matches) {
    let entry = byId.get(match.payload);
    if (!entry) {
      entry = { score: 0, evidence: [], at: [] };
      byId.set(match.payload, entry);
    }
    entry.score += match.weight;
    entry.at.push(match.first);
    addEvidence(entry, evidenceOf(text, tokens, match.first, match.last));
  }
  return byId;
}

export function confidence(score: number): number {
  return Math.round((1 - 0.4 ** score) * 100) / 100;
}

export function toTags<T extends string>(
  byId: Map<T, Tally>,
): { id: T; confidence: number; evidence: Evidence[] }[] {
  return [...byId]
    .filter(([, t]) => t.score >= ASSERT_THRESHOLD)
    .map(([id, t]) => ({ id, confidence: confidence(t.score), evidence: t.evidence }))
    .sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
}

function roleAround(model: LanguageModel, tokens: readonly Token[], first: number, last: number) {
  for (const pattern of model.roles) {
    let from = first;
    if (pattern.before.length > 0) {
      from = matchBackward(pattern.before, tokens, first);
      if (from < 0) continue;
    }
    let to = last;
    if (pattern.after.length > 0) {
      const head = pattern.after[0];
      const sentence = tokens[last]?.sentence;
      to = -1;
      for (let j = last + 1; j <= last + ROLE_REACH && j < tokens.length; j += 1) {
        const token = tokens[j];
        if (token === undefined || token.sentence !== sentence) break;
        if (head && itemMatches(head, token)) {
          to = matchRest(pattern.after, tokens, j);
          if (to >= 0) break;
        }
        // "the firms I advise were pushed into EDI": the actor is the one pushed, not the one pushing.
        if (pattern.role === 'initiator' && model.passive.has(token.norm)) {
          const verb = tokens[j + 1];
          if (verb === undefined || !PROGRESSIVE.test(verb.norm)) break;
        }
      }
      if (to < 0) continue;
    }
    return { role: pattern.role, from, to };
  }
  return undefined;
}

function tagActors(
  model: LanguageModel,
  text: string,
  tokens: readonly Token[],
  scope: Scope,
  reserved: Uint8Array,
) {
  const found = new Map<string, { id: ActorId; role: ActorRole; evidence: Evidence[] }>();
  const mentions = new Map<ActorId, ActorMention[]>();
  const mentioned = (id: ActorId, mention: ActorMention) => {
    const list = mentions.get(id);
    if (list) list.push(mention);
    else mentions.set(id, [mention]);
  };
  const add = (id: ActorId, role: ActorRole, evidence: Evidence | undefined) => {
    const key = `${id}:${role}`;
    let entry = found.get(key);
    if (!entry) {
      entry = { id, role, evidence: [] };
      found.set(key, entry);
    }
    if (
      evidence &&
      entry.evidence.length < MAX_EVIDENCE &&
      !entry.evidence.some((e) => e.start === evidence.start)
    )
      entry.evidence.push(evidence);
  };
  // "our computer network" is the firm's IT, not a business network.
  const others = model.otherSenses.actors?.find(tokens) ?? [];
  for (const mention of model.actors.find(tokens)) {
    if (reserved[mention.first]) continue;
    if (
      others.some((o) => o.payload === mention.payload && o.first <= mention.last && mention.first <= o.last)
    )
      continue;
    if (scope.headcountAt(mention.first)) continue;
    mentioned(mention.payload, { first: mention.first, last: mention.last });
    const role = roleAround(model, tokens, mention.first, mention.last);
    // The negation may stand inside the cue, before the actor it names ("c'est pas le comptable qui l'a installé").
    const negated = role !== undefined && (scope.negatedAt(role.from) || scope.negatedAt(mention.first));
    const assertedRole = role && !negated && !scope.hypotheticalAt(mention.first);
    if (role && assertedRole) add(mention.payload, role.role, evidenceOf(text, tokens, role.from, role.to));
    else add(mention.payload, 'mentioned', evidenceOf(text, tokens, mention.first, mention.last));
  }
  // "12 salariés", "douze personnes", "8 people": the firm's staff, counted in presenting the firm.
  for (let first = 0; first < tokens.length; first += 1) {
    if (!scope.headcountAt(first) || (first > 0 && scope.headcountAt(first - 1))) continue;
    let last = first;
    while (scope.headcountAt(last + 1)) last += 1;
    mentioned(HEADCOUNT_ACTOR, { first, last, headcount: true });
    add(HEADCOUNT_ACTOR, 'mentioned', evidenceOf(text, tokens, first, last));
  }
  // "ça me fait peur" names the firm in a fear, not as gaining anything (GUIDELINES.md: not in bare fears).
  for (const match of asserted(model.directActors.find(tokens), scope)) {
    if (scope.fearedAt(match.first)) continue;
    mentioned(match.payload.id, { first: match.first, last: match.last, direct: match.payload.role });
    add(match.payload.id, match.payload.role, evidenceOf(text, tokens, match.first, match.last));
  }
  // "The owner." alone: names without a verb say no role.
  if (onlyNames(tokens, mentions)) {
    found.clear();
    for (const [id, list] of mentions)
      for (const m of list) add(id, 'mentioned', evidenceOf(text, tokens, m.first, m.last));
  }
  const withRole = new Set([...found.values()].filter((a) => a.role !== 'mentioned').map((a) => a.id));
  return {
    actors: [...found.values()].filter((a) => a.role !== 'mentioned' || !withRole.has(a.id)),
    mentions,
  };
}

/** One family's lexicon reading: asserted cues per class, and classes the answer denies. */
export interface FamilyReading<T extends string> {
  tally: Map<T, Tally>;
  /**
   * Classes with a cue that is negated (or, for values and tools, only imagined; for levers, resting on a tool
   * not in use) and none asserted.
   */
  denied: Set<T>;
  /**
   * What the learned scorer reads when it differs from the tags' reading: the cues of an adviser's offer are no
   * resource facet, yet still tell that an adviser speaks (of schemes, networks, support).
   */
  features?: Omit<FamilyReading<T>, 'features'>;
}

/** Everything the lexicon reads in one answer; the learned scorer starts from it. */
export interface Reading {
  lang: Language;
  text: string;
  tokens: Token[];
  scopes: TokenScopes;
  values: FamilyReading<ValueId>;
  tools: FamilyReading<string>;
  levers: FamilyReading<LeverId>;
  facets: FamilyReading<FacetId>;
  actors: ActorTag[];
  /** Where each of those actors is named: what the learned role scorer reads. */
  actorMentions: ReadonlyMap<ActorId, readonly ActorMention[]>;
  features: Features;
  toolInfos: ReadonlyMap<string, ToolInfo>;
}

function ensure(byId: Map<string, Tally>, id: string): Tally {
  let entry = byId.get(id);
  if (!entry) {
    entry = { score: 0, evidence: [], at: [] };
    byId.set(id, entry);
  }
  return entry;
}

/**
 * How a family reads what is only imagined: values deny it ("si on avait un site, on gagnerait du temps"
 * asserts no value), as they deny what is feared ("le piratage, ça me fait peur" is a threat, not security
 * gained), needed ("what we need is training") or said unchanged ("on mettait trois jours, c'est toujours
 * pareil"); levers ignore it, facets count it (a fear or a hope is imagined by nature).
 */
type ImaginedReading = 'denies' | 'ignored' | 'counts';

/**
 * An adviser presenting what they offer ("on accompagne les TPE avec des financements et de la formation")
 * says what their job is, not what a firm needs: its resource cues are no resource facet (GUIDELINES.md).
 */
const OFFERED_FACET: FacetId = 'resource';

/**
 * One family's asserted cues, and the classes it names only where the answer denies them or, for the tokens
 * `notInUse` flags, only in the name of a tool not in use.
 */
function family<T extends string>(
  model: PhraseIndex<T>,
  otherSenses: PhraseIndex<T> | undefined,
  tokens: readonly Token[],
  scope: Scope,
  text: string,
  imagined: ImaginedReading,
  offered?: T,
  notInUse?: Uint8Array,
): FamilyReading<T> {
  const others = otherSenses?.find(tokens) ?? [];
  const all = model
    .find(tokens)
    .filter((m) => !others.some((o) => o.payload === m.payload && o.first <= m.last && m.first <= o.last));
  const read = (offerRule: boolean): FamilyReading<T> => {
    const unreal = (m: PhraseMatch<T>) =>
      (imagined === 'denies' &&
        (scope.hypotheticalAt(m.first) ||
          scope.fearedAt(m.first) ||
          scope.neededAt(m.first) ||
          scope.unchangedAt(m.first))) ||
      (offerRule && m.payload === offered && scope.offeredAt(m.first)) ||
      (notInUse?.subarray(m.first, m.last + 1).includes(1) ?? false);
    const kept =
      imagined === 'counts'
        ? all.filter((m) => !isNegated(m, scope) && !unreal(m))
        : asserted(all, scope).filter((m) => !unreal(m));
    const byId = tally(kept, text, tokens);
    const denied = new Set<T>();
    for (const m of all) {
      if ((isNegated(m, scope) || unreal(m)) && !byId.has(m.payload)) denied.add(m.payload);
    }
    return { tally: byId, denied };
  };
  const tags = read(true);
  const anyOffered =
    offered !== undefined && all.some((m) => m.payload === offered && scope.offeredAt(m.first));
  return anyOffered ? { ...tags, features: read(false) } : tags;
}

function lexiconFeatures(reading: Omit<Reading, 'features' | 'toolInfos' | 'actorMentions'>): Features {
  const features: Features = new Map();
  wordFeatures(reading.tokens, reading.scopes, features);
  for (const name of FAMILY_NAMES) {
    const { tally: byId, denied } = reading[name].features ?? reading[name];
    for (const [id, t] of byId) {
      const kind = t.score >= ASSERT_THRESHOLD ? 'L' : 'W';
      for (const at of t.at) addFeature(features, `${kind}:${name}:${id}`, at);
    }
    for (const id of denied) addFeature(features, `D:${name}:${id}`);
  }
  for (const actor of reading.actors) addFeature(features, `A:${actor.id}`);
  addFeature(features, `lang:${reading.lang}`);
  return features;
}

export function readAnswer(model: LanguageModel, text: string, about?: AnswerAbout): Reading {
  const lang = model.lang;
  const speller = model.speller;
  const tokens = tokenize(text, lang, stemmerFor(lang), model.words, (norm) => speller.correct(norm));
  const scope = model.scope.read(tokens, about);
  const scopes: TokenScopes = {
    negated: new Uint8Array(tokens.length),
    imagined: new Uint8Array(tokens.length),
  };
  for (let i = 0; i < tokens.length; i += 1) {
    if (scope.negatedAt(i)) scopes.negated[i] = 1;
    if (scope.hypotheticalAt(i)) scopes.imagined[i] = 1;
  }

  const allToolMatches = longestFirst(withoutOtherSenses(model.tools.find(tokens)));
  const reserved = new Uint8Array(tokens.length);
  for (const m of allToolMatches) for (let j = m.first; j <= m.last; j += 1) reserved[j] = 1;
  const toolTally = new Map<string, Tally>();
  const withdrawn = withdrawnTools(allToolMatches, scope);
  // A lever cue in the words naming a tool not in use ("nos concurrents font de la vente en ligne") rests on
  // that tool alone: it gives no lever.
  const notInUse = new Uint8Array(tokens.length);
  for (const match of withdrawn) notInUse.fill(1, match.first, match.last + 1);
  const levers = family(
    model.levers,
    model.otherSenses.levers,
    tokens,
    scope,
    text,
    'ignored',
    undefined,
    notInUse,
  );
  for (const match of asserted(allToolMatches, scope)) {
    if (withdrawn.has(match)) continue;
    const info = match.payload;
    const evidence = evidenceOf(text, tokens, match.first, match.last);
    const entry = ensure(toolTally, info.id);
    entry.score += 2;
    entry.at.push(match.first);
    if (match.named) entry.named = true;
    addEvidence(entry, evidence);
    if (info.lever) {
      const lever = levers.tally.get(info.lever) ?? { score: 0, evidence: [], at: [] };
      levers.tally.set(info.lever, lever);
      levers.denied.delete(info.lever);
      lever.score += 1;
      lever.at.push(match.first);
      addEvidence(lever, evidence);
    }
  }
  const toolsDenied = new Set<string>();
  for (const match of allToolMatches) {
    const negated = scope.negatedAt(match.first);
    if (
      (negated || withdrawn.has(match) || scope.hypotheticalAt(match.first)) &&
      !toolTally.has(match.payload.id)
    )
      toolsDenied.add(match.payload.id);
    const lever = match.payload.lever;
    if (lever && (negated || withdrawn.has(match)) && !levers.tally.has(lever)) levers.denied.add(lever);
  }
  const { actors, mentions } = tagActors(model, text, tokens, scope, reserved);
  const base = {
    lang,
    text,
    tokens,
    scopes,
    values: family(model.values, model.otherSenses.values, tokens, scope, text, 'denies'),
    tools: { tally: toolTally, denied: toolsDenied },
    levers,
    facets: family(model.facets, model.otherSenses.facets, tokens, scope, text, 'counts', OFFERED_FACET),
    actors,
  };
  return { ...base, actorMentions: mentions, features: lexiconFeatures(base), toolInfos: model.toolInfos };
}

/** Builds the per-language phrase indexes lazily: a French-only session never compiles the English ones. */
export function languageModels(lexicon: Lexicon): (lang: Language) => LanguageModel {
  const models = new Map<Language, LanguageModel>();
  return (lang) => {
    let model = models.get(lang);
    if (!model) {
      model = buildModel(lexicon, lang);
      models.set(lang, model);
    }
    return model;
  };
}

/**
 * Drops a tool another asserted tool subsumes: a site people order from is the e-commerce site, not a
 * showcase site besides it (GUIDELINES.md).
 */
export function withoutSubsumed<T extends { id: string }>(
  tools: readonly T[],
  infos: ReadonlyMap<string, ToolInfo>,
): T[] {
  const subsumed = new Set(tools.flatMap((t) => infos.get(t.id)?.subsumes ?? []));
  return tools.filter((t) => !subsumed.has(t.id));
}

export function lexiconTags(reading: Reading): Tags {
  return {
    lang: reading.lang,
    values: toTags(reading.values.tally),
    tools: withoutSubsumed(toTags(reading.tools.tally), reading.toolInfos),
    levers: toTags(reading.levers.tally),
    actors: reading.actors,
    facets: toTags(reading.facets.tally),
  };
}

export function buildTagger(lexicon: Lexicon, learned?: TaggerModel): Tagger {
  const modelFor = languageModels(lexicon);
  return {
    tag(text: string, options: TagOptions = {}): Tags {
      const lang = options.lang ?? detectLanguage(text);
      const reading = readAnswer(modelFor(lang), text, options.about);
      return learned ? combinedTags(reading, learned) : lexiconTags(reading);
    },
    knownWords(): ReadonlySet<string> {
      return vocabulary(lexicon);
    },
  };
}
