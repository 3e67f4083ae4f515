import type { ActorId, ActorRole, FacetId, Language, LeverId, ValueId } from '../domain.js';
import { detectLanguage } from '../language.js';
import type { Evidence, Tags } from '../tags.js';
import type { Lexicon, ToolInfo } from './lexicon.js';
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
import { type Scope, ScopeReader } from './scope.js';
import { stemmerFor } from './stemmers.js';
import { type Token, tokenize } from './text.js';
import type { Tagger, TagOptions } from './types.js';

/** At most this many evidence spans per tag: enough to quote, small enough to store with every answer. */
const MAX_EVIDENCE = 5;
/** Words allowed between an actor and the verb that gives its role ("notre fournisseur principal nous a imposé"). */
const ROLE_REACH = 4;
/** Summed cue weight a class needs to be asserted: one plain cue, or two weak (w = 0.5) ones. */
const ASSERT_THRESHOLD = 1;

interface RolePattern {
  role: 'initiator' | 'beneficiary';
  before: Item[];
  after: Item[];
}

/** Everything compiled for one language, built once on first use. */
interface LanguageModel {
  lang: Language;
  tools: PhraseIndex<ToolInfo>;
  values: PhraseIndex<ValueId>;
  levers: PhraseIndex<LeverId>;
  facets: PhraseIndex<FacetId>;
  actors: PhraseIndex<ActorId>;
  directActors: PhraseIndex<{ id: ActorId; role: ActorRole }>;
  roles: RolePattern[];
  scope: ScopeReader;
}

/** Words that, inside a phrase, make it carry its own negation ("plus besoin", "no more", "fewer errors"). */
function negationWords(lexicon: Lexicon, lang: Language, stem: (w: string) => string): Set<string> {
  const words = new Set<string>();
  for (const pattern of patternsFor(lexicon.cues.negation, lang)) {
    const items = compileWords(typeof pattern === 'string' ? pattern : pattern.p, lang, stem);
    if (items.length === 1 && items[0]) words.add(items[0].norm);
  }
  for (const word of patternsFor(lexicon.cues.selfNegating, lang)) {
    for (const item of compileWords(typeof word === 'string' ? word : word.p, lang, stem))
      words.add(item.norm);
  }
  return words;
}

function buildModel(lexicon: Lexicon, lang: Language): LanguageModel {
  const stem = stemmerFor(lang);
  const negating = negationWords(lexicon, lang, stem);
  const tools = new PhraseIndex<ToolInfo>(lang, stem);
  for (const tool of lexicon.tools) tools.addAll(tool.patterns, tool.info);
  const values = new PhraseIndex<ValueId>(lang, stem, negating);
  for (const value of lexicon.values) values.addAll(value.patterns, value.id);
  const levers = new PhraseIndex<LeverId>(lang, stem, negating);
  for (const lever of lexicon.levers) levers.addAll(lever.patterns, lever.id);
  const facets = new PhraseIndex<FacetId>(lang, stem, negating);
  for (const facet of lexicon.facets) facets.addAll(facet.patterns, facet.id);
  const actors = new PhraseIndex<ActorId>(lang, stem);
  for (const actor of lexicon.actors) actors.addAll(actor.patterns, actor.id);
  const directActors = new PhraseIndex<{ id: ActorId; role: ActorRole }>(lang, stem, negating);
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
  return {
    lang,
    tools,
    values,
    levers,
    facets,
    actors,
    directActors,
    roles,
    scope: new ScopeReader(lexicon, lang, stem),
  };
}

function evidenceOf(
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

interface Tally {
  score: number;
  evidence: Evidence[];
}

function addEvidence(tally: Tally, evidence: Evidence | undefined): void {
  if (!evidence || tally.evidence.length >= MAX_EVIDENCE) return;
  if (tally.evidence.some((e) => e.start < evidence.end && evidence.start < e.end)) return;
  tally.evidence.push(evidence);
}

/**
 * Where two tools' phrases overlap, the longer one names the tool ("logiciel de gestion de production"
 * is production software, not the ERP's "logiciel de gestion"; "video call" is not "video").
 */
function longestFirst<T extends { id: string }>(matches: readonly PhraseMatch<T>[]): PhraseMatch<T>[] {
  const sorted = [...matches].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: PhraseMatch<T>[] = [];
  for (const match of sorted) {
    const clash = kept.some(
      (k) => k.payload.id !== match.payload.id && k.first <= match.last && match.first <= k.last,
    );
    if (!clash) kept.push(match);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Keeps the matches that assert something: not negated, not hypothetical. */
function asserted<T>(matches: readonly PhraseMatch<T>[], scope: Scope): PhraseMatch<T>[] {
  return matches.filter(
    (m) => (m.selfNegating || !scope.negatedAt(m.first)) && !scope.hypotheticalAt(m.first),
  );
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
      entry = { score: 0, evidence: [] };
      byId.set(match.payload, entry);
    }
    entry.score += match.weight;
    addEvidence(entry, evidenceOf(text, tokens, match.first, match.last));
  }
  return byId;
}

function confidence(score: number): number {
  return Math.round((1 - 0.4 ** score) * 100) / 100;
}

function toTags<T extends string>(
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
  for (const mention of model.actors.find(tokens)) {
    if (reserved[mention.first]) continue;
    const role = roleAround(model, tokens, mention.first, mention.last);
    const assertedRole = role && !scope.negatedAt(role.from) && !scope.hypotheticalAt(mention.first);
    if (role && assertedRole) add(mention.payload, role.role, evidenceOf(text, tokens, role.from, role.to));
    else add(mention.payload, 'mentioned', evidenceOf(text, tokens, mention.first, mention.last));
  }
  for (const match of asserted(model.directActors.find(tokens), scope)) {
    add(match.payload.id, match.payload.role, evidenceOf(text, tokens, match.first, match.last));
  }
  const withRole = new Set([...found.values()].filter((a) => a.role !== 'mentioned').map((a) => a.id));
  return [...found.values()].filter((a) => a.role !== 'mentioned' || !withRole.has(a.id));
}

export function buildTagger(lexicon: Lexicon): Tagger {
  const models = new Map<Language, LanguageModel>();
  const modelFor = (lang: Language): LanguageModel => {
    let model = models.get(lang);
    if (!model) {
      model = buildModel(lexicon, lang);
      models.set(lang, model);
    }
    return model;
  };
  return {
    tag(text: string, options: TagOptions = {}): Tags {
      const lang = options.lang ?? detectLanguage(text);
      const model = modelFor(lang);
      const tokens = tokenize(text, lang, stemmerFor(lang));
      const scope = model.scope.read(tokens);

      const allToolMatches = longestFirst(model.tools.find(tokens));
      const toolMatches = asserted(allToolMatches, scope);
      const reserved = new Uint8Array(tokens.length);
      for (const m of allToolMatches) for (let j = m.first; j <= m.last; j += 1) reserved[j] = 1;
      const toolTally = new Map<string, Tally>();
      const leverTally = tally(asserted(model.levers.find(tokens), scope), text, tokens);
      for (const match of toolMatches) {
        const info = match.payload;
        const evidence = evidenceOf(text, tokens, match.first, match.last);
        let entry = toolTally.get(info.id);
        if (!entry) {
          entry = { score: 0, evidence: [] };
          toolTally.set(info.id, entry);
        }
        entry.score += 2;
        addEvidence(entry, evidence);
        if (info.lever) {
          let lever = leverTally.get(info.lever);
          if (!lever) {
            lever = { score: 0, evidence: [] };
            leverTally.set(info.lever, lever);
          }
          lever.score += 1;
          addEvidence(lever, evidence);
        }
      }
      return {
        lang,
        values: toTags(tally(asserted(model.values.find(tokens), scope), text, tokens)),
        tools: toTags(toolTally),
        levers: toTags(leverTally),
        actors: tagActors(model, text, tokens, scope, reserved),
        facets: toTags(tally(asserted(model.facets.find(tokens), scope), text, tokens)),
      };
    },
  };
}
