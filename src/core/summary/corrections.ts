import { type Language, LEVER_IDS, LeverId, VALUE_IDS, ValueId } from '../domain.js';
import { fill } from '../guide/template.js';
import type { Tagger } from '../tagger/types.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from './labels.js';
import { CORRECTION_TARGETS, Correction } from './schema.js';

type Target = (typeof CORRECTION_TARGETS)[number];

/**
 * `said`: the name as the respondent typed it, without a reason after a comma ("Instagram"); `byName`: read as
 * the tagger reads an answer (a brand or an everyday word), not by one of the item's own names.
 */
export type ParsedCorrection =
  | { ok: true; correction: Correction; said: string; byName: boolean }
  | { ok: false; reason: 'not_understood' | 'unknown_item'; message: string };

/** Lower case, accents and apostrophe variants folded, spaces collapsed: how correction words are compared. */
export function foldText(text: string): string {
  return foldCharacters(text).replace(/\s+/g, ' ').trim();
}

function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/[«»"“”.!?;:,]/g, ' ');
}

/** A folded text and, for each of its characters, the stretch of the typed text it comes from. */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

/** `foldText`, remembering where each character was typed: a name is quoted as the respondent wrote it. */
function foldTracked(typed: string): Folded {
  const folded: Folded = { text: '', from: [], to: [] };
  let at = 0;
  for (const character of typed) {
    const end = at + character.length;
    const piece = foldCharacters(character);
    // A combining accent typed apart belongs to the letter before it.
    if (piece === '' && folded.to.length > 0) folded.to[folded.to.length - 1] = end;
    for (const c of piece) {
      const space = /\s/.test(c);
      if (space && (folded.text === '' || folded.text.endsWith(' '))) continue;
      folded.text += space ? ' ' : c;
      folded.from.push(at);
      folded.to.push(end);
    }
    at = end;
  }
  if (folded.text.endsWith(' ')) {
    folded.text = folded.text.slice(0, -1);
    folded.from.pop();
    folded.to.pop();
  }
  return folded;
}

function startsWithWord(text: string, word: string): string | null {
  const folded = foldText(word);
  if (text === folded) return '';
  if (folded.endsWith("'") && text.startsWith(folded)) return text.slice(folded.length).trim();
  return text.startsWith(`${folded} `) ? text.slice(folded.length + 1).trim() : null;
}

function stripLeading(text: string, words: readonly string[]): { rest: string; matched: boolean } {
  // Longest first so "la valeur" wins over "la".
  const sorted = [...words].sort((a, b) => b.length - a.length);
  for (const word of sorted) {
    const rest = startsWithWord(text, word);
    if (rest !== null) return { rest, matched: true };
  }
  return { rest: text, matched: false };
}

function namesOf(target: Target, id: string, prompts: readonly SummaryPrompts[]): string[] {
  const names = [id, id.replaceAll('_', ' ')];
  for (const p of prompts) {
    const value = ValueId.safeParse(id);
    const lever = LeverId.safeParse(id);
    if (target === 'value' && value.success) names.push(p.values[value.data]);
    if (target === 'lever' && lever.success) names.push(p.levers[lever.data]);
    if (target === 'tool') names.push(toolLabel(p, id));
    names.push(...(p.corrections.aliases[id] ?? []));
  }
  return names.map(foldText);
}

function candidates(target: Target, prompts: readonly SummaryPrompts[]): string[] {
  if (target === 'value') return [...VALUE_IDS];
  if (target === 'lever') return [...LEVER_IDS];
  const ids = new Set<string>();
  for (const p of prompts) for (const id of Object.keys(p.tools)) ids.add(id);
  return [...ids];
}

function resolve(
  item: string,
  targets: readonly Target[],
  prompts: readonly SummaryPrompts[],
): Correction | null {
  for (const target of targets) {
    for (const id of candidates(target, prompts)) {
      if (!namesOf(target, id, prompts).includes(item)) continue;
      const parsed = Correction.safeParse({ action: 'add', target, id });
      if (parsed.success) return parsed.data;
    }
  }
  return null;
}

/** Reads a name alone as it reads an answer: brands and everyday words of the lexicon ("Xero", "le plaisir"). */
export type NameReader = Pick<Tagger, 'tag'>;

/** Longer than this, what follows the verb is a sentence rather than a name: the tagger is not asked. */
const MAX_NAME_WORDS = 4;

/** Tools first: a tool the tagger reads brings its lever along, the lever is not what was named. */
const READ_ORDER: readonly Target[] = ['tool', 'value', 'lever'];

function readName(
  typed: string,
  targets: readonly Target[],
  langs: readonly Language[],
  reader: NameReader,
): Correction | null {
  if (typed.split(/\s+/).length > MAX_NAME_WORDS) return null;
  for (const lang of langs) {
    const tags = reader.tag(typed, { lang });
    for (const target of READ_ORDER) {
      if (!targets.includes(target)) continue;
      const read = target === 'tool' ? tags.tools : target === 'value' ? tags.values : tags.levers;
      const ids = new Set<string>(read.map((tag) => tag.id));
      // Two items read in one name: which one was meant is not guessed.
      if (ids.size > 1) return null;
      const [id] = ids;
      if (id === undefined) continue;
      const parsed = Correction.safeParse({ action: 'add', target, id });
      if (parsed.success) return parsed.data;
    }
  }
  return null;
}

/** What ends the name in "retire Xero, on ne s'en sert plus": the rest says why. */
const CLAUSE_PUNCTUATION = /[,;:.!?(—–]/u;

/**
 * Reads a respondent's correction of the short summary: a verb (add/remove), an optional kind
 * (value, tool, lever) and a name. Names are matched in the given language first, then the other,
 * so "retire la valeur security" still works; with `reader`, a name the summary's words do not hold is
 * read as the tagger reads an answer ("remove tool Xero": the kind of tool Xero is), and a name followed by
 * a reason after a comma is read without it. `quote` is how the message quotes a name not known, as
 * typed: the respondent's words, which a front door rendering Markdown needs made inert.
 */
export function parseCorrection(
  text: string,
  lang: Language,
  quote: (typed: string) => string = (typed) => typed,
  reader?: NameReader,
): ParsedCorrection {
  const own = summaryPrompts(lang);
  const other = summaryPrompts(lang === 'fr' ? 'en' : 'fr');
  const all = [own, other];
  const fillers = all.flatMap((p) => p.corrections.fillers);
  const folded = foldTracked(text);
  let rest = stripLeading(folded.text, fillers).rest;
  let action: Correction['action'] | null = null;
  for (const p of all) {
    const removed = stripLeading(rest, p.corrections.removeVerbs);
    if (removed.matched) {
      action = 'remove';
      rest = removed.rest;
      break;
    }
    const added = stripLeading(rest, p.corrections.addVerbs);
    if (added.matched) {
      action = 'add';
      rest = added.rest;
      break;
    }
  }
  if (action === null || rest === '')
    return { ok: false, reason: 'not_understood', message: own.corrections.notUnderstood };

  rest = stripLeading(rest, fillers).rest;
  let targets: Target[] = [...CORRECTION_TARGETS];
  for (const target of CORRECTION_TARGETS) {
    const stripped = stripLeading(
      rest,
      all.flatMap((p) => p.corrections.targets[target]),
    );
    if (stripped.matched) {
      targets = [target];
      rest = stripLeading(stripped.rest, fillers).rest;
      break;
    }
  }
  // Only leading words were taken off so far: the name starts where the rest of the folded text does.
  const start = folded.text.length - rest.length;
  // Trailing politeness ("…, merci") is not part of the name.
  for (const filler of fillers) {
    const word = foldText(filler);
    if (rest.endsWith(` ${word}`)) rest = rest.slice(0, -word.length - 1).trim();
  }
  if (rest === '') return { ok: false, reason: 'not_understood', message: own.corrections.notUnderstood };
  const typed = text.slice(folded.from[start], folded.to[start + rest.length - 1]);
  const clause = typed.search(CLAUSE_PUNCTUATION);
  const names = clause > 0 ? [typed, typed.slice(0, clause).trim()] : [typed];
  const langs: Language[] = [lang, lang === 'fr' ? 'en' : 'fr'];
  for (const name of names) {
    const byItsName = resolve(name === typed ? rest : foldText(name), targets, all);
    const found = byItsName ?? (reader ? readName(name, targets, langs, reader) : null);
    if (found) return { ok: true, correction: { ...found, action }, said: name, byName: byItsName === null };
  }
  return {
    ok: false,
    reason: 'unknown_item',
    message: fill(own.corrections.unknownItem, { item: quote(typed) }),
  };
}

/** `{target}` and `{label}` of a correction as the summary names them: "valeur", "Sécurité". */
export function correctionItem(correction: Correction, lang: Language): { target: string; label: string } {
  const p = summaryPrompts(lang);
  const label =
    correction.target === 'value'
      ? p.values[correction.id]
      : correction.target === 'lever'
        ? p.levers[correction.id]
        : toolLabel(p, correction.id);
  return { target: p.corrections.targetNames[correction.target], label };
}

export function describeCorrection(correction: Correction, lang: Language): string {
  const p = summaryPrompts(lang);
  const item = correctionItem(correction, lang);
  if (correction.target === 'tool' && correction.scope === 'named' && correction.said !== undefined)
    return fill(p.corrections.describedNamedOnly, {
      ...item,
      name: fill(p.typography.quoted, { text: correction.said }),
      label: fill(p.typography.quoted, { text: item.label }),
    });
  return fill(p.corrections.described[correction.action], item);
}

/** Whether `name` (folded) is what `evidence`, words the tagger read a tool from, says: the one holds the other. */
export function namesEvidence(name: string, evidence: string): boolean {
  const said = ` ${foldText(name)} `;
  const read = ` ${foldText(evidence)} `;
  return said.trim() !== '' && (read.includes(said) || said.includes(read));
}
